package com.partnerb2b.webhook.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The deliveries due, shared by every instance. One statement claims, for each active endpoint with
 * nothing in flight, its oldest due delivery ({@code SKIP LOCKED}), and leases it to the claimer:
 * one delivery at a time per endpoint (so a slow or dead endpoint holds only its own), in the order
 * the analyses completed, never one delivery by two instances; a crashed instance's lease expires.
 * The claim commits at once: no row lock is held across the HTTP call.
 */
@ApplicationScoped
public class DeliveryQueue {

    /** A claimed delivery with what sending it needs. */
    public record Claim(long id, int attempts, String webhookId, String payload, long endpointId, java.util.UUID partnerId, String url,
            byte[] secretCipher, String secretKeyId, byte[] previousSecretCipher, String previousSecretKeyId,
            Instant previousSecretUntil) {
    }

    private static final String CLAIM = """
            WITH due AS (
                SELECT DISTINCT ON (d.endpoint_id) d.id
                  FROM deliveries d JOIN endpoints e ON e.id = d.endpoint_id
                 WHERE d.status = 'pending' AND e.status = 'active' AND d.next_attempt_at <= now()
                   AND NOT EXISTS (SELECT 1 FROM deliveries busy
                                    WHERE busy.endpoint_id = d.endpoint_id AND busy.status = 'pending'
                                      AND busy.lease_until > now())
                 ORDER BY d.endpoint_id, d.id),
            claimable AS (
                SELECT d.id FROM deliveries d
                 WHERE d.id IN (SELECT id FROM due) AND d.status = 'pending'
                   AND (d.lease_until IS NULL OR d.lease_until < now())
                 ORDER BY d.id
                 LIMIT $3
                   FOR UPDATE OF d SKIP LOCKED)
            UPDATE deliveries d
               SET attempts = d.attempts + 1, claimed_by = $1, lease_until = now() + $2 * interval '1 millisecond'
              FROM claimable c, endpoints e
             WHERE d.id = c.id AND e.id = d.endpoint_id
            RETURNING d.id, d.attempts, d.webhook_id, d.payload, d.endpoint_id, d.partner_id, e.url, e.secret_cipher, e.secret_key_id,
                      e.previous_secret_cipher, e.previous_secret_key_id, e.previous_secret_until""";

    private final Pool pool;

    public DeliveryQueue(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Claim>> claim(String claimer, Duration lease, int limit) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(claimer, lease.toMillis(), limit)).map(rows -> {
            List<Claim> claims = new ArrayList<>();
            for (Row row : rows) {
                claims.add(new Claim(row.getLong("id"), row.getInteger("attempts"), row.getString("webhook_id"),
                        row.getString("payload"), row.getLong("endpoint_id"), row.getUUID("partner_id"), row.getString("url"),
                        bytes(row, "secret_cipher"), row.getString("secret_key_id"), bytes(row, "previous_secret_cipher"),
                        row.getString("previous_secret_key_id"), instant(row, "previous_secret_until")));
            }
            return claims;
        });
    }

    private static byte[] bytes(Row row, String column) {
        var buffer = row.getBuffer(column);
        return buffer == null ? null : buffer.getBytes();
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}

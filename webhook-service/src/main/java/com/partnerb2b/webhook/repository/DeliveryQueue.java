package com.partnerb2b.webhook.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.reactive.WorkerDataSource;
import com.partnerb2b.platform.sql.Timestamps;
import com.partnerb2b.webhook.delivery.AttemptResult;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The deliveries due, shared by every instance. A claim is one short transaction: it locks the active
 * endpoints with a delivery due and room below their width ({@code SKIP LOCKED}: another claimer's
 * endpoints are left to it), then,
 * seeing every claim committed before the lock, leases each endpoint's oldest due deliveries up to its
 * width less what it already has in flight — {@code perEndpoint} while it succeeds, one while it fails
 * (so a dead or hanging endpoint holds one attempt, not many). Never one delivery by two instances;
 * a crashed instance's lease expires and its deliveries leave again. No lock is held across the HTTP
 * call. Deliveries of one endpoint leave in the order the analyses completed, up to its width at once.
 */
@ApplicationScoped
public class DeliveryQueue {

    /** A claimed delivery with what sending it needs. */
    public record Claim(long id, int attempts, String webhookId, String payload, long endpointId, java.util.UUID partnerId, String url,
            byte[] secretCipher, String secretKeyId, byte[] previousSecretCipher, String previousSecretKeyId,
            Instant previousSecretUntil, String traceParent) {
    }

    // Only endpoints with room below their width: one already at it would take a place in the LIMIT and
    // give the claim nothing, leaving the instance's free slots idle behind it (CLAIM re-checks the room).
    private static final String LOCK_ENDPOINTS = """
            SELECT e.id, CASE WHEN e.failing_since IS NULL THEN $2 ELSE 1 END AS width
              FROM endpoints e
             WHERE e.status = 'active'
               AND EXISTS (SELECT 1 FROM deliveries d
                            WHERE d.endpoint_id = e.id AND d.status = 'pending' AND d.next_attempt_at <= now()
                              AND (d.lease_until IS NULL OR d.lease_until < now()))
               AND (SELECT count(*) FROM deliveries f
                     WHERE f.endpoint_id = e.id AND f.status = 'pending' AND f.lease_until >= now())
                   < CASE WHEN e.failing_since IS NULL THEN $2 ELSE 1 END
             ORDER BY e.id
             LIMIT $1
               FOR NO KEY UPDATE OF e SKIP LOCKED""";

    // A lease still running is an attempt in flight; the lease re-checked on the row itself as well.
    private static final String CLAIM = """
            WITH locked AS (
                SELECT * FROM unnest($4::bigint[], $5::integer[]) AS l(endpoint_id, width)),
            next AS (
                SELECT n.id FROM locked l
                 CROSS JOIN LATERAL (
                    SELECT d.id FROM deliveries d
                     WHERE d.endpoint_id = l.endpoint_id AND d.status = 'pending' AND d.next_attempt_at <= now()
                       AND (d.lease_until IS NULL OR d.lease_until < now())
                     ORDER BY d.id
                     LIMIT greatest(l.width - (SELECT count(*) FROM deliveries f
                                                WHERE f.endpoint_id = l.endpoint_id AND f.status = 'pending'
                                                  AND f.lease_until >= now()), 0)) n
                 ORDER BY n.id
                 LIMIT $3)
            UPDATE deliveries d
               SET attempts = d.attempts + 1, claimed_by = $1, lease_until = now() + $2 * interval '1 millisecond'
              FROM next n, endpoints e
             WHERE d.id = n.id AND e.id = d.endpoint_id AND d.status = 'pending'
               AND (d.lease_until IS NULL OR d.lease_until < now())
            RETURNING d.id, d.attempts, d.webhook_id, d.payload, d.endpoint_id, d.partner_id, e.url, e.secret_cipher, e.secret_key_id,
                      e.previous_secret_cipher, e.previous_secret_key_id, e.previous_secret_until, d.trace_parent""";

    /**
     * How stale an endpoint's {@code last_success_at} may be: a success on an endpoint that is not failing
     * and succeeded this recently writes nothing to the endpoint's row. Without it every delivery updates
     * that one row, queueing an endpoint's deliveries behind each other and making claimers skip it.
     */
    private static final Duration LAST_SUCCESS_RESOLUTION = Duration.ofSeconds(1);

    // The endpoint first, then the delivery: the order an endpoint's deletion locks them in.
    private static final String ENDPOINT_DELIVERED = """
            UPDATE endpoints SET last_success_at = $2, failing_since = NULL WHERE id = $1""";

    private static final String DELIVERED = """
            WITH delivered AS (
                UPDATE deliveries d
                   SET status = 'delivered', delivered_at = $4, next_attempt_at = NULL, lease_until = NULL, claimed_by = NULL
                 %s
                 WHERE d.id = $1 AND d.status = 'pending' AND d.claimed_by = $2 AND d.attempts = $3 %s
             RETURNING d.id, d.attempts)
            INSERT INTO delivery_attempts (delivery_id, attempt, attempted_at, http_status, error, duration_ms, response_excerpt)
            SELECT id, attempts, $5::timestamptz, $6::integer, $7::text, $8::bigint, $9::text FROM delivered""";

    private static final String DELIVERED_ON_CLAIM = DELIVERED.formatted("", "");

    // Reads the endpoint without locking it: nothing to write there, no lock order to keep.
    private static final String DELIVERED_TO_HEALTHY_ENDPOINT = DELIVERED.formatted("FROM endpoints e", """
            AND e.id = d.endpoint_id AND e.failing_since IS NULL
                   AND e.last_success_at >= $4::timestamptz - %d * interval '1 millisecond'""".formatted(LAST_SUCCESS_RESOLUTION.toMillis()));

    private final Pool pool;

    public DeliveryQueue(@ReactiveDataSource(WorkerDataSource.NAME) Pool pool) {
        this.pool = pool;
    }

    /**
     * At most {@code limit} deliveries, at most {@code perEndpoint} in flight per endpoint (one for an
     * endpoint that is failing).
     */
    public Uni<List<Claim>> claim(String claimer, Duration lease, int limit, int perEndpoint) {
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK_ENDPOINTS).execute(Tuple.of(limit, perEndpoint))
                .chain(locked -> {
                    if (locked.size() == 0) {
                        return Uni.createFrom().item(List.<Claim>of());
                    }
                    Long[] endpoints = new Long[locked.size()];
                    Integer[] widths = new Integer[locked.size()];
                    int i = 0;
                    for (Row row : locked) {
                        endpoints[i] = row.getLong("id");
                        widths[i++] = row.getInteger("width");
                    }
                    return connection.preparedQuery(CLAIM)
                            .execute(Tuple.of(claimer, lease.toMillis(), limit, endpoints, widths))
                            .map(DeliveryQueue::claims);
                }));
    }

    private static List<Claim> claims(RowSet<Row> rows) {
        List<Claim> claims = new ArrayList<>();
        for (Row row : rows) {
            claims.add(new Claim(row.getLong("id"), row.getInteger("attempts"), row.getString("webhook_id"),
                    row.getString("payload"), row.getLong("endpoint_id"), row.getUUID("partner_id"), row.getString("url"),
                    bytes(row, "secret_cipher"), row.getString("secret_key_id"), bytes(row, "previous_secret_cipher"),
                    row.getString("previous_secret_key_id"), Timestamps.instant(row.getOffsetDateTime("previous_secret_until")),
                    row.getString("trace_parent")));
        }
        return claims;
    }

    /**
     * A claimed delivery was answered 2xx: delivered and its attempt logged, only while the claim holds
     * (same claimer, same attempt number); its endpoint's failing streak cleared and last success noted
     * in the same transaction unless the endpoint is not failing and succeeded within
     * {@link #LAST_SUCCESS_RESOLUTION} (then one statement). False, with nothing written, when the claim
     * was lost or the endpoint deleted.
     */
    public Uni<Boolean> delivered(Claim claim, String claimer, Instant now, Instant attemptedAt, AttemptResult result) {
        Tuple outcome = Tuple.from(Arrays.asList(claim.id(), claimer, claim.attempts(), utc(now), utc(attemptedAt),
                result.httpStatus(), result.error(), result.durationMillis(), result.responseExcerpt()));
        return pool.preparedQuery(DELIVERED_TO_HEALTHY_ENDPOINT).execute(outcome)
                .chain(rows -> rows.rowCount() == 1 ? Uni.createFrom().item(true) : deliveredNotingTheEndpoint(claim, now, outcome));
    }

    private Uni<Boolean> deliveredNotingTheEndpoint(Claim claim, Instant now, Tuple outcome) {
        return pool.withTransaction(connection -> connection.preparedQuery(ENDPOINT_DELIVERED)
                .execute(Tuple.of(claim.endpointId(), utc(now)))
                .chain(endpoint -> endpoint.rowCount() == 0 ? Uni.createFrom().item(false)
                        : connection.preparedQuery(DELIVERED_ON_CLAIM).execute(outcome)
                                .invoke(rows -> {
                                    if (rows.rowCount() == 0) {
                                        throw new ClaimLost(); // rolls the endpoint's update back
                                    }
                                })
                                .replaceWith(true)))
                .onFailure(ClaimLost.class).recoverWithItem(false);
    }

    private static final class ClaimLost extends RuntimeException {
        ClaimLost() {
            super(null, null, false, false);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static byte[] bytes(Row row, String column) {
        var buffer = row.getBuffer(column);
        return buffer == null ? null : buffer.getBytes();
    }

}

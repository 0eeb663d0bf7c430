package com.partnerb2b.auth.repository;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.partnerb2b.platform.reactive.CallersEventLoop;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The key a token request presents, with its partner's status, in one query through the reactive
 * PostgreSQL client: the token endpoint's only database access. Keys are still written as entities.
 * <p>
 * A key found is remembered for a moment ({@code partnerb2b.auth.key-cache-lifetime}, 1 s; 0 turns it
 * off): a client that asks for a token before every call, the commonest misuse of a token endpoint,
 * then costs a signature and no database round trip (bench/RESULTS.md, session 16: the round trip was a
 * third of an issuance's CPU). Only what the database said is kept, never a verdict: the presented secret is
 * still compared with the stored hash on every request, and unknown keys are not remembered. This
 * instance forgets everything once an operator's change is committed ({@link #forget()}); another
 * instance sees a revocation or a suspension within the lifetime — where an access token already
 * issued outlives either by up to an hour.
 */
@ApplicationScoped
public class ApiKeyReads {

    /** What a token request needs of a stored key. */
    public record StoredKey(String keyId, byte[] secretHash, boolean active, UUID partnerId, PartnerStatus partnerStatus) {
    }

    private static final String WITH_PARTNER = """
            SELECT k.key_id, k.secret_hash, k.revoked_at IS NULL AS active, p.id AS partner_id, p.status
              FROM api_keys k JOIN partners p ON p.id = k.partner_id WHERE k.key_id = $1""";

    private final Pool pool;
    private final Cache<String, StoredKey> recent;
    // Bumped by forget(): a read that began before an operator's change is not remembered after it.
    private final AtomicLong generation = new AtomicLong();

    public ApiKeyReads(Pool pool, @ConfigProperty(name = "partnerb2b.auth.key-cache-lifetime", defaultValue = "PT1S") Duration lifetime) {
        this.pool = pool;
        this.recent = lifetime.isZero() || lifetime.isNegative() ? null
                : Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(10_000).build();
    }

    /** The key with its partner; null if there is no such key. */
    public Uni<StoredKey> withPartner(String keyId) {
        StoredKey known = recent == null ? null : recent.getIfPresent(keyId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        long readAt = generation.get();
        return CallersEventLoop.answer(pool.preparedQuery(WITH_PARTNER).execute(Tuple.of(keyId)).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            if (!found.hasNext()) {
                return null;
            }
            Row row = found.next();
            StoredKey stored = new StoredKey(row.getString("key_id"), row.getBuffer("secret_hash").getBytes(), row.getBoolean("active"),
                    row.getUUID("partner_id"), PartnerStatus.parse(row.getString("status")).orElseThrow());
            if (recent != null && generation.get() == readAt) {
                recent.put(keyId, stored);
                if (generation.get() != readAt) {
                    recent.invalidate(keyId);
                }
            }
            return stored;
        }));
    }

    /** Called once a change to a key or a partner is committed: the next request reads the database. */
    public void forget() {
        generation.incrementAndGet();
        if (recent != null) {
            recent.invalidateAll();
        }
    }
}

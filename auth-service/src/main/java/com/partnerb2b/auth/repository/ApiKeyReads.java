package com.partnerb2b.auth.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.reactive.CallersEventLoop;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The key a token request presents, with its partner's status, in one query through the reactive
 * PostgreSQL client: the token endpoint's only database access, and most of its CPU when it went
 * through a Hibernate Reactive session and entities (bench/RESULTS.md). Keys are still written as entities.
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

    public ApiKeyReads(Pool pool) {
        this.pool = pool;
    }

    /** The key with its partner; null if there is no such key. */
    public Uni<StoredKey> withPartner(String keyId) {
        return CallersEventLoop.answer(pool.preparedQuery(WITH_PARTNER).execute(Tuple.of(keyId)).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            if (!found.hasNext()) {
                return null;
            }
            Row row = found.next();
            return new StoredKey(row.getString("key_id"), row.getBuffer("secret_hash").getBytes(), row.getBoolean("active"),
                    row.getUUID("partner_id"), PartnerStatus.parse(row.getString("status")).orElseThrow());
        }));
    }
}

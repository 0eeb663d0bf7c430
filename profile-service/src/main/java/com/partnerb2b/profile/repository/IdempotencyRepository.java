package com.partnerb2b.profile.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.idempotency.PartnerIdempotencyKey;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Stored first answers, read and written in the transaction of the creation they belong to. */
@ApplicationScoped
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecord, PartnerIdempotencyKey> {

    public Uni<Long> deleteOlderThan(Instant limit) {
        return delete("createdAt < ?1", limit);
    }

    /** The partner's record of this key, its row locked until {@code transaction} ends; null if none. */
    public Uni<IdempotencyRecord> findForUpdate(SqlClient transaction, UUID partnerId, String key) {
        return transaction.preparedQuery("""
                SELECT request_hash, response_status, response_cipher, key_id, profile_id, created_at
                  FROM idempotency_keys WHERE partner_id = $1 AND idempotency_key = $2 FOR UPDATE""")
                .execute(Tuple.of(partnerId, key))
                .map(rows -> rows.size() == 0 ? null : record(partnerId, key, rows.iterator().next()));
    }

    public Uni<Void> forget(SqlClient transaction, UUID partnerId, String key) {
        return transaction.preparedQuery("DELETE FROM idempotency_keys WHERE partner_id = $1 AND idempotency_key = $2")
                .execute(Tuple.of(partnerId, key)).replaceWithVoid();
    }

    /** Stores the record; two requests remembering one key at once: the second fails as a unique violation (409). */
    public Uni<Void> remember(SqlClient transaction, IdempotencyRecord record) {
        return transaction.preparedQuery("""
                INSERT INTO idempotency_keys (partner_id, idempotency_key, request_hash, response_status, response_cipher, key_id,
                                              profile_id, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""")
                .execute(Tuple.from(Arrays.asList(record.partnerId, record.idempotencyKey, Buffer.buffer(record.requestHash),
                        record.responseStatus, Buffer.buffer(record.responseCipher), record.keyId, record.profileId,
                        record.createdAt.atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    private static IdempotencyRecord record(UUID partnerId, String key, Row row) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.partnerId = partnerId;
        record.idempotencyKey = key;
        record.requestHash = row.getBuffer("request_hash").getBytes();
        record.responseStatus = row.getInteger("response_status");
        record.responseCipher = row.getBuffer("response_cipher").getBytes();
        record.keyId = row.getString("key_id");
        record.profileId = row.getLong("profile_id");
        record.createdAt = row.getOffsetDateTime("created_at").toInstant();
        return record;
    }
}

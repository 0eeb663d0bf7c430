package com.partnerb2b.analysis.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.idempotency.PartnerIdempotencyKey;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class AnalysisIdempotencyRepository implements PanacheRepositoryBase<AnalysisIdempotency, PartnerIdempotencyKey> {

    public Uni<AnalysisIdempotency> find(UUID partnerId, String key) {
        return findById(new PartnerIdempotencyKey(partnerId, key));
    }

    public Uni<Long> deleteOlderThan(Instant limit) {
        return delete("createdAt < ?1", limit);
    }

    /**
     * Records in {@code transaction} that the key made this analysis. An expired record of the same
     * key is replaced; a live one (a concurrent request with the same key) stays, and this insert's
     * key conflict answers 409.
     */
    public Uni<Void> remember(SqlClient transaction, AnalysisIdempotency record, Instant expiredBefore) {
        return transaction.preparedQuery("DELETE FROM idempotency_keys WHERE partner_id = $1 AND idempotency_key = $2 AND created_at < $3")
                .execute(Tuple.of(record.partnerId, record.idempotencyKey, expiredBefore.atOffset(ZoneOffset.UTC)))
                .chain(() -> transaction.preparedQuery("""
                        INSERT INTO idempotency_keys (partner_id, idempotency_key, request_hash, analysis_id, created_at)
                        VALUES ($1, $2, $3, $4, $5)""")
                        .execute(Tuple.of(record.partnerId, record.idempotencyKey, Buffer.buffer(record.requestHash), record.analysisId,
                                record.createdAt.atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }
}

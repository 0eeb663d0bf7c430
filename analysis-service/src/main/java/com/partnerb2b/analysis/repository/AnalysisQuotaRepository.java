package com.partnerb2b.analysis.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class AnalysisQuotaRepository implements PanacheRepositoryBase<AnalysisQuota, UUID> {

    /** The partner's quota row, locked until the transaction ends (requests of one partner take turns). */
    public Uni<AnalysisQuota> lock(UUID partnerId) {
        return findById(partnerId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The partner's limit, its quota row locked until {@code transaction} ends (requests of one
     * partner take turns); null when the partner has no quota or no limit.
     */
    public Uni<Integer> lockedLimit(SqlClient transaction, UUID partnerId) {
        return transaction.preparedQuery("SELECT analysis_limit FROM analysis_quotas WHERE partner_id = $1 FOR UPDATE")
                .execute(Tuple.of(partnerId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getInteger(0));
    }
}

package com.partnerb2b.analysis.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AnalysisQuotaRepository implements PanacheRepositoryBase<AnalysisQuota, UUID> {

    /** The partner's quota row, locked until the transaction ends (requests of one partner take turns). */
    public Uni<AnalysisQuota> lock(UUID partnerId) {
        return findById(partnerId, LockModeType.PESSIMISTIC_WRITE);
    }
}

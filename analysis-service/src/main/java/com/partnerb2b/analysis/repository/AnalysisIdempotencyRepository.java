package com.partnerb2b.analysis.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.idempotency.PartnerIdempotencyKey;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AnalysisIdempotencyRepository implements PanacheRepositoryBase<AnalysisIdempotency, PartnerIdempotencyKey> {

    public Uni<AnalysisIdempotency> find(UUID partnerId, String key) {
        return findById(new PartnerIdempotencyKey(partnerId, key));
    }

    public Uni<Long> deleteOlderThan(Instant limit) {
        return delete("createdAt < ?1", limit);
    }
}

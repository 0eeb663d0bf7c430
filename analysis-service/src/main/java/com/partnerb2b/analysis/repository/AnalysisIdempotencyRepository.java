package com.partnerb2b.analysis.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AnalysisIdempotencyRepository implements PanacheRepositoryBase<AnalysisIdempotency, AnalysisIdempotency.Key> {

    public Uni<AnalysisIdempotency> find(UUID partnerId, String key) {
        return findById(new AnalysisIdempotency.Key(partnerId, key));
    }

    public Uni<Long> deleteOlderThan(Instant limit) {
        return delete("createdAt < ?1", limit);
    }
}

package com.partnerb2b.profile.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.idempotency.PartnerIdempotencyKey;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecord, PartnerIdempotencyKey> {

    public Uni<Long> deleteOlderThan(java.time.Instant limit) {
        return delete("createdAt < ?1", limit);
    }

    public Uni<IdempotencyRecord> find(UUID partnerId, String key) {
        return findById(new PartnerIdempotencyKey(partnerId, key));
    }
}

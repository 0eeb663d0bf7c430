package com.partnerb2b.platform.outbox;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /**
     * The oldest unpublished events, locked for this transaction; rows another relay instance holds
     * are skipped, so replicas never publish the same row at the same time.
     */
    @SuppressWarnings("unchecked")
    public Uni<List<OutboxEvent>> lockPending(int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT * FROM outbox_events WHERE published_at IS NULL ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED",
                OutboxEvent.class).setParameter("limit", limit).getResultList());
    }
}

package com.partnerb2b.platform.outbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /** Notifies the relays on the commit of the current transaction (nothing if it rolls back). */
    public Uni<Void> notifyRelayOnCommit() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("NOTIFY " + OutboxNotifications.CHANNEL).executeUpdate()).replaceWithVoid();
    }
}

package com.partnerb2b.platform.outbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.reactive.NativeStatements;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /**
     * Deletes a key's events (erasure of what they carry). Their rows are locked first in publishing
     * order, the order in which a relay locks them, so an erasure and a relay wait for each other
     * instead of deadlocking.
     */
    public Uni<Integer> deleteKey(String topic, String key) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT id FROM outbox_events WHERE topic = :topic AND message_key = :key ORDER BY seq FOR UPDATE")
                .setParameter("topic", topic).setParameter("key", key).getResultList()
                .chain(() -> session.createNativeQuery("DELETE FROM outbox_events WHERE topic = :topic AND message_key = :key")
                        .setParameter("topic", topic).setParameter("key", key).executeUpdate()));
    }

    /** Writes the event in the current transaction (one statement, no entity kept in the session). */
    public Uni<Void> insert(OutboxEvent event) {
        return NativeStatements.execute("INSERT INTO outbox_events (id, topic, message_key, payload, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                event.id, event.topic, event.messageKey, event.payload, event.createdAt).replaceWithVoid();
    }

    /** Notifies the relays on the commit of the current transaction (nothing if it rolls back). */
    public Uni<Void> notifyRelayOnCommit() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("NOTIFY " + OutboxNotifications.CHANNEL).executeUpdate()).replaceWithVoid();
    }
}

package com.partnerb2b.platform.outbox;

import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

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

    private static final String INSERT = "INSERT INTO outbox_events (id, topic, message_key, payload, created_at) VALUES ($1, $2, $3, $4, $5)";
    private static final String NOTIFY = "NOTIFY " + OutboxNotifications.CHANNEL;

    /** Writes the event in {@code transaction}, a transaction of the reactive client. */
    public Uni<Void> insert(SqlClient transaction, OutboxEvent event) {
        return transaction.preparedQuery(INSERT).execute(Tuple.of(event.id, event.topic, event.messageKey, event.payload,
                event.createdAt.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    /** Notifies the relays on the commit of {@code transaction} (nothing if it rolls back). */
    public Uni<Void> notifyRelayOnCommit(SqlClient transaction) {
        return transaction.query(NOTIFY).execute().replaceWithVoid();
    }
}

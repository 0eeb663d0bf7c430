package com.partnerb2b.platform.outbox;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.sql.RowChange;

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
    public Uni<Integer> deleteKey(SqlClient transaction, String topic, String key) {
        Tuple keyOf = Tuple.of(topic, key);
        return transaction.preparedQuery("SELECT id FROM outbox_events WHERE topic = $1 AND message_key = $2 ORDER BY seq FOR UPDATE")
                .execute(keyOf)
                .chain(() -> transaction.preparedQuery("DELETE FROM outbox_events WHERE topic = $1 AND message_key = $2").execute(keyOf))
                .map(deleted -> deleted.rowCount());
    }

    /**
     * The change, then the event only if the change wrote a row, then the relays' notification (sent
     * by PostgreSQL on commit) only if the event was written: one round trip instead of five
     * (BEGIN, change, insert, NOTIFY, COMMIT) when the change needs no transaction of its own.
     */
    private static final String INSERT_ON_CHANGE = """
            WITH change AS (%s RETURNING 1),
            event AS (
                INSERT INTO outbox_events (id, topic, message_key, payload, created_at)
                SELECT $%d::uuid, $%d::varchar, $%d::varchar, $%d::text, $%d::timestamptz
                 WHERE EXISTS (SELECT 1 FROM change)
             RETURNING 1)
            SELECT pg_notify('%s', '') FROM event""";

    private final Map<String, String> composed = new ConcurrentHashMap<>();

    /** True if {@code change} wrote a row, and so the event was written too. */
    public Uni<Boolean> insertOnChange(SqlClient client, RowChange change, OutboxEvent event) {
        int next = change.arguments().size() + 1;
        // Composed once per change statement, not on every event.
        String sql = composed.computeIfAbsent(change.sql(),
                changeSql -> INSERT_ON_CHANGE.formatted(changeSql, next, next + 1, next + 2, next + 3, next + 4, OutboxNotifications.CHANNEL));
        List<Object> arguments = new ArrayList<>(change.arguments());
        arguments.addAll(Arrays.asList(event.id, event.topic, event.messageKey, event.payload, event.createdAt.atOffset(ZoneOffset.UTC)));
        return client.preparedQuery(sql).execute(Tuple.from(arguments)).map(rows -> rows.size() == 1);
    }
}

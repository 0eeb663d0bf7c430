package com.partnerb2b.platform.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The relay's statements on {@code outbox_events}, in the caller's transaction.
 * <p>
 * Per-key order across relay instances: a relay publishes a key's events only while it holds the
 * key's oldest pending row locked. Another instance skips that locked row and, seeing an older
 * pending row of the key, takes none of its later ones; once the holder commits, the published
 * events were acknowledged by Kafka before any later one of the key can be sent.
 */
@ApplicationScoped
public class OutboxTable {

    /** Each key's oldest pending event, unless another relay holds it. */
    private static final String LOCK_KEY_HEADS = """
            SELECT message_key FROM outbox_events e
             WHERE published_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM outbox_events older
                                WHERE older.message_key = e.message_key
                                  AND older.published_at IS NULL
                                  AND older.seq < e.seq)
             ORDER BY seq
             LIMIT $1
               FOR UPDATE OF e SKIP LOCKED""";

    /** The pending events of keys whose head this transaction holds, oldest first. */
    private static final String LOCK_EVENTS_OF_KEYS = """
            SELECT id, topic, message_key, payload, payload::jsonb ->> 'traceparent' AS traceparent FROM outbox_events
             WHERE published_at IS NULL AND message_key = ANY($1)
             ORDER BY seq
             LIMIT $2
               FOR UPDATE""";

    private static final String MARK_PUBLISHED = "UPDATE outbox_events SET published_at = now() WHERE id = ANY($1)";

    private static final String PURGE = "DELETE FROM outbox_events WHERE published_at < $1";

    private final Pool pool;

    public OutboxTable(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<PendingEvent>> lockBatch(SqlConnection connection, int limit) {
        return connection.preparedQuery(LOCK_KEY_HEADS).execute(Tuple.of(limit)).chain(heads -> {
            if (heads.size() == 0) {
                return Uni.createFrom().item(List.of());
            }
            List<String> keys = new ArrayList<>();
            heads.forEach(row -> keys.add(row.getString("message_key")));
            return connection.preparedQuery(LOCK_EVENTS_OF_KEYS)
                    .execute(Tuple.of(keys.toArray(String[]::new), limit))
                    .map(rows -> {
                        List<PendingEvent> events = new ArrayList<>(rows.size());
                        rows.forEach(row -> events.add(event(row)));
                        return events;
                    });
        });
    }

    /** One statement for the whole batch. */
    public Uni<Void> markPublished(SqlConnection connection, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(ids.toArray(UUID[]::new))).replaceWithVoid();
    }

    public Uni<Integer> purgePublishedOlderThan(Duration age) {
        OffsetDateTime limit = OffsetDateTime.now(ZoneOffset.UTC).minus(age);
        return pool.preparedQuery(PURGE).execute(Tuple.of(limit)).map(rows -> rows.rowCount());
    }

    private static PendingEvent event(Row row) {
        return new PendingEvent(row.getUUID("id"), row.getString("topic"), row.getString("message_key"), row.getString("payload"),
                row.getString("traceparent"));
    }
}

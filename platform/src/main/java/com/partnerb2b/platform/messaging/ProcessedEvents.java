package com.partnerb2b.platform.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.sql.RowChange;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Idempotent consumption: handles an event once, in one statement with the record of its id, so a
 * redelivered event is a no-op.
 */
@ApplicationScoped
public class ProcessedEvents {

    /** True in a handler's statement only the first time its event is handled: a condition every handler's statement includes. */
    public static final String FIRST_TIME = "EXISTS (SELECT 1 FROM processed)";

    // The id first: a concurrent handling of the same event waits on it, then finds it taken and the handler's condition false.
    private static final String ONCE = """
            WITH processed AS (
                INSERT INTO processed_events (event_id, processed_at) VALUES ($%d, $%d)
                    ON CONFLICT (event_id) DO NOTHING
                RETURNING 1),
            handled AS (%s RETURNING 1)
            SELECT (SELECT count(*) FROM processed) AS new_event, (SELECT count(*) FROM handled) AS changed""";

    private final Pool pool;
    private final Map<String, String> composed = new ConcurrentHashMap<>();

    public ProcessedEvents(Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code handling} (conditioned on {@link #FIRST_TIME}) unless the event was handled before:
     * the rows it changed, or null for an event handled before. One statement, atomic without a
     * transaction of its own: one round trip, where a transaction (BEGIN, the id, the handling, COMMIT)
     * took four on every event.
     */
    public Uni<Long> once(String eventId, RowChange handling) {
        if (!handling.sql().contains(FIRST_TIME)) {
            return Uni.createFrom().failure(new IllegalArgumentException("An event's handling must be conditioned on FIRST_TIME"));
        }
        int next = handling.arguments().size() + 1;
        List<Object> arguments = new ArrayList<>(handling.arguments());
        arguments.add(eventId);
        arguments.add(OffsetDateTime.now(ZoneOffset.UTC));
        // Composed once per handler's statement, not on every event.
        String sql = composed.computeIfAbsent(handling.sql(), handlingSql -> ONCE.formatted(next, next + 1, handlingSql));
        return pool.preparedQuery(sql).execute(Tuple.from(arguments)).map(rows -> {
            Row row = rows.iterator().next();
            return row.getLong("new_event") == 0 ? null : row.getLong("changed");
        });
    }
}

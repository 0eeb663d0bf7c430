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
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
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
        if (!conditioned(handling)) {
            return Uni.createFrom().failure(unconditioned());
        }
        return pool.preparedQuery(composed(handling)).execute(arguments(eventId, handling)).map(ProcessedEvents::changed);
    }

    /**
     * The same for several events, in their order and in one transaction: all handled or none (then the
     * {@code Uni} fails). Consecutive events with the same statement go as one batch, one round trip for
     * them all: a poll of a busy topic costs three round trips instead of one per event.
     */
    public Uni<List<Long>> onceAll(List<String> eventIds, List<RowChange> handlings) {
        if (eventIds.size() != handlings.size()) {
            return Uni.createFrom().failure(new IllegalArgumentException("one handling per event"));
        }
        if (!handlings.stream().allMatch(ProcessedEvents::conditioned)) {
            return Uni.createFrom().failure(unconditioned());
        }
        return pool.withTransaction(transaction -> runFrom(transaction, eventIds, handlings, 0, new ArrayList<>()));
    }

    private Uni<List<Long>> runFrom(SqlClient transaction, List<String> eventIds, List<RowChange> handlings, int start,
            List<Long> changed) {
        if (start == handlings.size()) {
            return Uni.createFrom().item(changed);
        }
        String sql = handlings.get(start).sql();
        int end = start;
        List<Tuple> batch = new ArrayList<>();
        while (end < handlings.size() && handlings.get(end).sql().equals(sql)) {
            batch.add(arguments(eventIds.get(end), handlings.get(end)));
            end++;
        }
        int next = end;
        return transaction.preparedQuery(composed(handlings.get(start))).executeBatch(batch).chain(rows -> {
            for (RowSet<Row> result = rows; result != null; result = result.next()) {
                changed.add(changed(result));
            }
            return runFrom(transaction, eventIds, handlings, next, changed);
        });
    }

    private static boolean conditioned(RowChange handling) {
        return handling.sql().contains(FIRST_TIME);
    }

    private static IllegalArgumentException unconditioned() {
        return new IllegalArgumentException("An event's handling must be conditioned on FIRST_TIME");
    }

    // Composed once per handler's statement, not on every event.
    private String composed(RowChange handling) {
        int next = handling.arguments().size() + 1;
        return composed.computeIfAbsent(handling.sql(), handlingSql -> ONCE.formatted(next, next + 1, handlingSql));
    }

    private static Tuple arguments(String eventId, RowChange handling) {
        List<Object> arguments = new ArrayList<>(handling.arguments());
        arguments.add(eventId);
        arguments.add(OffsetDateTime.now(ZoneOffset.UTC));
        return Tuple.from(arguments);
    }

    /** The rows the handling changed, or null for an event handled before. */
    private static Long changed(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        return row.getLong("new_event") == 0 ? null : row.getLong("changed");
    }
}

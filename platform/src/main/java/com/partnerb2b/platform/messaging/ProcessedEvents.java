package com.partnerb2b.platform.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Idempotent consumption: handles an event once, in one transaction with the record of its id, so
 * a redelivered event is a no-op.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final Pool pool;

    public ProcessedEvents(Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code handling} in a transaction of the reactive client unless the event was handled
     * before; true if it ran. The id is recorded first, in one statement: a concurrent handling of the
     * same event waits on it, then finds it taken. No Hibernate session: each event's own work is one
     * or two statements, which the session's machinery cost several times over (bench/RESULTS.md).
     */
    public Uni<Boolean> once(String eventId, Function<SqlClient, Uni<?>> handling) {
        return pool.withTransaction(transaction -> transaction.preparedQuery(
                "INSERT INTO processed_events (event_id, processed_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING")
                .execute(Tuple.of(eventId, OffsetDateTime.now(ZoneOffset.UTC)))
                .chain(recorded -> recorded.rowCount() == 0 ? Uni.createFrom().item(false)
                        : handling.apply(transaction).replaceWith(true)));
    }
}

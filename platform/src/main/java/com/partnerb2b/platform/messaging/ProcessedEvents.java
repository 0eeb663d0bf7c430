package com.partnerb2b.platform.messaging;

import java.time.Instant;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.reactive.NativeStatements;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Idempotent consumption: handles an event once, in one transaction with the record of its id, so
 * a redelivered event is a no-op.
 */
@ApplicationScoped
public class ProcessedEvents {

    /**
     * Runs {@code handling} unless the event was handled before; true if it ran. The id is recorded
     * first, in one statement: a concurrent handling of the same event waits on it, then finds it taken.
     */
    public Uni<Boolean> once(String eventId, Supplier<Uni<?>> handling) {
        return Panache.withTransaction(() -> NativeStatements.execute(
                "INSERT INTO processed_events (event_id, processed_at) VALUES (?1, ?2) ON CONFLICT (event_id) DO NOTHING", eventId, Instant.now())
                .chain(recorded -> recorded == 0 ? Uni.createFrom().item(false) : handling.get().replaceWith(true)));
    }
}

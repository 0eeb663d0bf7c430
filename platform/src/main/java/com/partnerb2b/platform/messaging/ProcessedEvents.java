package com.partnerb2b.platform.messaging;

import java.time.Instant;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Idempotent consumption: handles an event once, in one transaction with the record of its id, so
 * a redelivered event is a no-op.
 */
@ApplicationScoped
public class ProcessedEvents implements PanacheRepositoryBase<ProcessedEvent, String> {

    /** Runs {@code handling} unless the event was handled before; true if it ran. */
    public Uni<Boolean> once(String eventId, Supplier<Uni<?>> handling) {
        return Panache.withTransaction(() -> findById(eventId).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().item(false);
            }
            ProcessedEvent processed = new ProcessedEvent();
            processed.eventId = eventId;
            processed.processedAt = Instant.now();
            return handling.get().chain(() -> persist(processed)).replaceWith(true);
        }));
    }
}

package com.partnerb2b.platform.reactive;

import java.util.function.Supplier;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs background work (not a request, not a message) on a new duplicated Vert.x context marked
 * safe, where Hibernate Reactive keeps that work's own session: what a scheduled job or a worker
 * loop needs before it touches Panache.
 */
public final class FreshContexts {

    private FreshContexts() {
    }

    public static <T> Uni<T> run(Vertx vertx, Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            context.runOnContext(ignored -> {
                VertxContextSafetyToggle.setCurrentContextSafe(true);
                Uni<T> started;
                try {
                    started = work.get();
                } catch (RuntimeException e) {
                    emitter.fail(e);
                    return;
                }
                started.subscribe().with(emitter::complete, emitter::fail);
            });
        });
    }
}

package com.partnerb2b.platform.reactive;

import java.util.concurrent.Callable;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs a blocking call (a DNS lookup) on a worker thread and resumes on the caller's Vert.x
 * context, so what follows (Hibernate Reactive) stays on the thread it must use.
 */
public final class Blocking {

    private Blocking() {
    }

    public static <T> Uni<T> call(Vertx vertx, Callable<T> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = vertx.getOrCreateContext();
            context.<T>executeBlocking(work, false).onComplete(result -> {
                if (result.succeeded()) {
                    emitter.complete(result.result());
                } else {
                    emitter.fail(result.cause());
                }
            });
        });
    }
}

package com.partnerb2b.platform.reactive;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * For request paths that query through the reactive {@code Pool} directly (not through Hibernate
 * Reactive): the pool answers on the event loop of the connection, the same one for most
 * connections, so without this hop every request's remaining work (decryption, signing, JSON) ran
 * on one core while the other idled (bench/RESULTS.md).
 */
public final class CallersEventLoop {

    private CallersEventLoop() {
    }

    /** {@code answer}, emitted on the context of the code that called this (when there is one). */
    public static <T> Uni<T> answer(Uni<T> answer) {
        Context caller = Vertx.currentContext();
        return caller == null ? answer : answer.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }
}

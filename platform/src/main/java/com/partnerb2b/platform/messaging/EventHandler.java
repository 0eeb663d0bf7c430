package com.partnerb2b.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/** What a consumer does with one event, inside the transaction that records the event as handled. */
@FunctionalInterface
public interface EventHandler<T> {

    /** Writes through {@code transaction}, a transaction of the reactive client: committed with the event's id, or not at all. */
    Uni<?> handle(SqlClient transaction, EventEnvelope event, T data);
}

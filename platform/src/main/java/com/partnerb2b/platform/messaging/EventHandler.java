package com.partnerb2b.platform.messaging;

import com.partnerb2b.platform.sql.RowChange;

/**
 * What a consumer does with one event: one statement, run with the record of the event's id and
 * committed with it, or not at all. The statement must change nothing unless the event is new: its
 * condition includes {@link ProcessedEvents#FIRST_TIME}.
 */
@FunctionalInterface
public interface EventHandler<T> {

    RowChange handle(EventEnvelope event, T data);
}

package com.partnerb2b.platform.messaging;

import io.smallrye.mutiny.Uni;

/**
 * A service's consumer of one topic, as {@link FailedEventReplay} finds it to hand a message set
 * aside back: the same handling (and what follows it, such as waking a worker) whether the message
 * comes from the topic or from {@code failed_events}.
 */
public interface EventConsumer {

    String topic();

    /** Handles one message through {@link EventInbox#receive}, from {@code intake}. */
    Uni<EventInbox.Outcome> take(String payload, EventInbox.Intake intake);
}

package com.partnerb2b.platform.messaging;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * A service's consumer of one topic, as {@link FailedEventReplay} finds it to hand a message set
 * aside back: the same handling (and what follows it, such as waking a worker) whether the message
 * comes from the topic or from {@code failed_events}.
 */
public interface EventConsumer {

    String topic();

    /** Handles the messages of one poll (or one replayed message) through {@link EventInbox#receiveAll}, from {@code intake}. */
    Uni<List<EventInbox.Outcome>> takeAll(List<String> payloads, EventInbox.Intake intake);

    /** Handles one message, from {@code intake}. */
    default Uni<EventInbox.Outcome> take(String payload, EventInbox.Intake intake) {
        return takeAll(List.of(payload), intake).map(outcomes -> outcomes.get(0));
    }
}

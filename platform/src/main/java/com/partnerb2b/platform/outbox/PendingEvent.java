package com.partnerb2b.platform.outbox;

import java.util.UUID;

/** An outbox row the relay holds locked while it publishes it, with the trace its event continues (or null). */
public record PendingEvent(UUID id, String topic, String key, String payload, String traceparent) {
}

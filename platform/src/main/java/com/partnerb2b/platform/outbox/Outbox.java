package com.partnerb2b.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.messaging.EventEnvelope;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Records an event in the caller's transaction (of the reactive client): committed with the state change, or not at all.
 * The transaction also notifies {@link OutboxNotifications#CHANNEL}, which PostgreSQL delivers when
 * it commits (several appends of one transaction make one notification): the relay publishes the
 * event right after the commit.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository events;
    private final ObjectMapper mapper;

    public Outbox(OutboxRepository events, ObjectMapper mapper) {
        this.events = events;
        this.mapper = mapper;
    }

    /**
     * Appends an event caused by the span {@code traceparent} in {@code transaction}, a transaction of
     * the reactive client: committed with the state change it records, or not at all.
     */
    public Uni<EventEnvelope> append(SqlClient transaction, String topic, String key, String source, String type, Instant time,
            JsonNode data, String traceparent) {
        EventEnvelope envelope = EventEnvelope.of(source, type, key, time, data, traceparent);
        return event(topic, key, time, envelope).chain(event -> events.insert(transaction, event))
                .call(() -> events.notifyRelayOnCommit(transaction)).replaceWith(envelope);
    }

    private Uni<OutboxEvent> event(String topic, String key, Instant time, EventEnvelope envelope) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.fromString(envelope.id());
        event.topic = topic;
        event.messageKey = key;
        event.createdAt = time;
        try {
            event.payload = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().item(event);
    }
}

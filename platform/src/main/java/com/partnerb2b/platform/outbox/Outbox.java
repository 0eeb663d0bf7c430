package com.partnerb2b.platform.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.messaging.EventEnvelope;

import io.smallrye.mutiny.Uni;

/**
 * Records an event in the caller's transaction: committed with the state change, or not at all.
 * {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository events;
    private final ObjectMapper mapper;

    public Outbox(OutboxRepository events, ObjectMapper mapper) {
        this.events = events;
        this.mapper = mapper;
    }

    public Uni<EventEnvelope> append(String topic, String key, String source, String type, Instant time, JsonNode data) {
        EventEnvelope envelope = EventEnvelope.of(source, type, key, time, data);
        OutboxEvent event = new OutboxEvent();
        event.id = java.util.UUID.fromString(envelope.id());
        event.topic = topic;
        event.messageKey = key;
        event.createdAt = time;
        try {
            event.payload = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return events.persist(event).replaceWith(envelope);
    }
}

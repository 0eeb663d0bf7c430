package com.partnerb2b.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.messaging.EventEnvelope;
import com.partnerb2b.platform.sql.RowChange;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Records an event with the state change that causes it, in one statement of the reactive client:
 * committed together, or not at all. The statement also notifies {@link OutboxNotifications#CHANNEL},
 * which PostgreSQL delivers when it commits (several notifications of one transaction make one):
 * the relay publishes the event right after the commit.
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
     * Runs {@code change} and, if it wrote a row, appends the event caused by the span
     * {@code traceparent} — one statement, atomic on its own or inside the caller's transaction
     * ({@code client} may be either). The event is the envelope returned; null if nothing changed
     * (then nothing is written).
     */
    public Uni<EventEnvelope> appendOnChange(SqlClient client, RowChange change, String topic, String key, String source, String type,
            Instant time, JsonNode data, String traceparent) {
        EventEnvelope envelope = EventEnvelope.of(source, type, key, time, data, traceparent);
        return event(topic, key, time, envelope).chain(event -> events.insertOnChange(client, change, event))
                .map(written -> written ? envelope : null);
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

package com.partnerb2b.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.partnerb2b.platform.messaging.EventEnvelope;
import com.partnerb2b.platform.tracing.TraceParents;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends a batch to Kafka through the channel {@code outbox-events}: keys in parallel, each key's
 * events one after the other, so that an event is sent only once its predecessor of the same key
 * was acknowledged. A key stops at its first failure; its remaining events stay pending.
 */
@ApplicationScoped
@IfBuildProperty(name = "partnerb2b.outbox.enabled", stringValue = "true")
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);

    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;

    public OutboxSender(@Channel("outbox-events") MutinyEmitter<String> emitter, OutboxConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /** The ids Kafka acknowledged, each with every earlier event of its key; never fails. */
    public Uni<List<UUID>> send(List<PendingEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, List<PendingEvent>> byKey = new LinkedHashMap<>();
        batch.forEach(event -> byKey.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event));
        List<Uni<List<UUID>>> keys = byKey.values().stream().map(this::sendInOrder).toList();
        return Uni.join().all(keys).andFailFast()
                .map(acknowledged -> acknowledged.stream().flatMap(List::stream).toList());
    }

    private Uni<List<UUID>> sendInOrder(List<PendingEvent> events) {
        List<UUID> acknowledged = new ArrayList<>(events.size());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PendingEvent event : events) {
            chain = chain.chain(() -> send(event).invoke(() -> acknowledged.add(event.id())));
        }
        return chain
                .onFailure().invoke(e -> LOG.warnf("Outbox publication of key %s deferred: %s", events.get(0).key(), e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWith(() -> acknowledged);
    }

    private Uni<Void> send(PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(event.payload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.key())
                .withHeaders(headers)
                .build());
        if (event.traceparent() != null) {
            // The connector's producer span continues the event's trace (not the relay's) and writes
            // the traceparent record header from it.
            message = message.addMetadata(TracingMetadata.withCurrent(TraceParents.parent(event.traceparent())));
        }
        return emitter.sendMessage(message).ifNoItem().after(config.sendTimeout()).fail();
    }
}

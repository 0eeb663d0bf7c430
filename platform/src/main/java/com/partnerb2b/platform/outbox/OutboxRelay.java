package com.partnerb2b.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.partnerb2b.platform.messaging.EventEnvelope;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes outbox rows to Kafka, oldest first, and marks them published in the same transaction
 * that locked them. If Kafka cannot take an event the batch stops there and the rows stay pending:
 * the next run retries them. A crash after publishing and before the commit publishes again, which
 * consumers absorb (they remember event ids).
 * <p>
 * Enabled by the build property {@code partnerb2b.outbox.enabled=true}; the service configures the
 * outgoing channel {@code outbox-events} (Kafka connector, string serializers).
 */
@ApplicationScoped
@IfBuildProperty(name = "partnerb2b.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final OutboxRepository events;
    private final MutinyEmitter<String> emitter;

    public OutboxRelay(OutboxRepository events, @Channel("outbox-events") MutinyEmitter<String> emitter) {
        this.events = events;
        this.emitter = emitter;
    }

    @Scheduled(every = "${partnerb2b.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return publishPending()
                .onFailure().invoke(e -> LOG.warnf("Outbox publication deferred: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Published rows are kept a week (for inspection), then deleted. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgePublished() {
        return Panache.withTransaction(() -> events.delete("publishedAt < ?1", Instant.now().minus(Duration.ofDays(7))))
                .onFailure().invoke(e -> LOG.warnf("Outbox purge deferred: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Publishes up to one batch, one event per transaction (a row is locked only while its own send
     * is under way, and a failure leaves the earlier ones published); the number published.
     */
    public Uni<Integer> publishPending() {
        return Uni.createFrom().deferred(this::publishNext).repeat().whilst(published -> published)
                .select().first(BATCH)
                .collect().with(java.util.stream.Collectors.summingInt(published -> published ? 1 : 0));
    }

    private Uni<Boolean> publishNext() {
        return Panache.withTransaction(() -> events.lockPending(1).chain(pending -> {
            if (pending.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            OutboxEvent event = pending.get(0);
            return send(event).invoke(() -> event.publishedAt = Instant.now()).replaceWith(true);
        }));
    }

    private Uni<Void> send(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(event.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.messageKey)
                .withHeaders(headers)
                .build());
        return emitter.sendMessage(message).ifNoItem().after(SEND_TIMEOUT).fail();
    }
}

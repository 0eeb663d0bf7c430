package com.partnerb2b.platform.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.error.DatabaseOutage;
import com.partnerb2b.platform.events.EventData;
import com.partnerb2b.platform.sql.RowChange;
import com.partnerb2b.platform.tracing.Spans;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The one way PartnerB2B consumers take an event: parse the CloudEvents envelope, check its type,
 * read its data, handle it once (its id remembered in the handling transaction), retry a failing
 * handling with back-off, and at last set the event aside in {@code failed_events} (counted by
 * {@code partnerb2b.events.failed}) so that a poison event never stops the consumer; one whose
 * handling failed (not one that cannot be read or used) is handed back later by {@link FailedEventReplay}. A database
 * outage is not the event's fault: its handling waits for the database, up to
 * {@code partnerb2b.events.outage-wait}, and is never set aside for it. Only when the outage lasts
 * longer, or the record of a set-aside event cannot be written, does the returned {@code Uni} fail:
 * the message is then not acknowledged and nothing is lost. Consumers hand over the messages of one
 * poll together ({@link #receiveAll}): their statements go in one transaction, and only if it fails is
 * each message taken on its own as above.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final int MAX_EVENT_ID_LENGTH = 200;
    private static final String HANDLING_FAILED = "handling-failed";

    /** HANDLED: its statement changed rows; UNCHANGED: handled, its statement changed none; DUPLICATE: handled before. */
    public enum Outcome { HANDLED, UNCHANGED, DUPLICATE, FAILED }

    /**
     * Where a message comes from: its topic (set aside in {@code failed_events} when it cannot be
     * handled), or {@code failed_events} itself, replayed (then it fails with {@link NotHandled} and its
     * row stays).
     */
    public enum Intake { TOPIC, REPLAY }

    /** A replayed message that still cannot be handled, and why. */
    public static final class NotHandled extends RuntimeException {
        NotHandled(String reason) {
            super(reason, null, false, false);
        }
    }

    private final ProcessedEvents processed;
    private final FailedEvents failed;
    private final ObjectMapper mapper;
    private final EventInboxConfig config;
    private final MeterRegistry registry;
    private final Spans spans;

    public EventInbox(ProcessedEvents processed, FailedEvents failed, ObjectMapper mapper, EventInboxConfig config,
            MeterRegistry registry, Spans spans) {
        this.spans = spans;
        this.processed = processed;
        this.failed = failed;
        this.mapper = mapper;
        this.config = config;
        this.registry = registry;
    }

    /** How an event of one type is handled: its data read as {@code dataType}, then {@code handler}'s statement. */
    public record Handling<T extends EventData>(Class<T> dataType, EventHandler<T> handler) {
    }

    /** A message's outcome, with the event's data when it could be used (null when it was set aside unread). */
    public record Received(Outcome outcome, EventData data) {

        public static boolean anyHandled(List<Received> received) {
            return received.stream().anyMatch(one -> one.outcome() == Outcome.HANDLED);
        }

        public static List<Outcome> outcomes(List<Received> received) {
            return received.stream().map(Received::outcome).toList();
        }
    }

    /**
     * Handles the messages of one poll of {@code topic}, events of the types {@code handlings} has, in their
     * order: the usable ones in one transaction ({@link ProcessedEvents#onceAll}), each handler's statement
     * in the one that records its event id. If that fails, or for a replay or a single usable message,
     * each is handled on its own, with its retries and its setting aside.
     */
    public Uni<List<Received>> receiveAll(Intake intake, String topic, List<String> payloads, Map<String, Handling<?>> handlings) {
        List<Message> messages = payloads.stream().map(payload -> read(payload, handlings)).toList();
        List<Message> usable = messages.stream().filter(message -> message.refusal() == null).toList();
        if (intake == Intake.REPLAY || usable.size() < 2) {
            return oneByOne(intake, topic, messages);
        }
        return spans.continuingEach("process " + topic, SpanKind.CONSUMER,
                        usable.stream().map(message -> message.envelope().traceparent()).toList(),
                        // A failed batch is no event's error: its spans end without it, and each event then has its own.
                        traceparents -> Uni.createFrom().deferred(() -> {
                            List<RowChange> changes = new ArrayList<>(usable.size());
                            for (int i = 0; i < usable.size(); i++) {
                                changes.add(usable.get(i).change(traceparents.get(i)));
                            }
                            return processed.onceAll(usable.stream().map(Message::eventId).toList(), changes);
                        })
                        .onFailure().invoke(failure -> LOG.debugf("The %d events of a %s poll go one by one: %s", usable.size(), topic,
                                failure))
                        .onFailure().recoverWithNull())
                .chain(changed -> changed == null ? oneByOne(intake, topic, messages) : settled(intake, topic, messages, usable, changed));
    }

    /** After the usable messages' transaction: each one's outcome, and the unusable ones set aside, in order. */
    private Uni<List<Received>> settled(Intake intake, String topic, List<Message> messages, List<Message> usable, List<Long> changed) {
        Map<Message, Outcome> outcomes = new IdentityHashMap<>();
        for (int i = 0; i < usable.size(); i++) {
            outcomes.put(usable.get(i), counted(topic, changed.get(i)));
        }
        return Multi.createFrom().iterable(messages).onItem().transformToUniAndConcatenate(message -> {
            Outcome outcome = outcomes.get(message);
            return outcome != null ? Uni.createFrom().item(new Received(outcome, message.data())) : receiveOne(intake, topic, message);
        }).collect().asList();
    }

    private Uni<List<Received>> oneByOne(Intake intake, String topic, List<Message> messages) {
        return Multi.createFrom().iterable(messages).onItem().transformToUniAndConcatenate(message -> receiveOne(intake, topic, message))
                .collect().asList();
    }

    /**
     * A message read: the event with its data and handling, or why it cannot be used (then set aside,
     * under {@code category}).
     */
    private record Message(String payload, String eventId, String eventType, EventEnvelope envelope, EventData data,
            Handling<?> handling, String category, String refusal) {

        static Message refused(String payload, String eventId, String eventType, String category, String refusal) {
            return new Message(payload, eventId, eventType, null, null, null, category, refusal);
        }

        /** The handler's statement, the handler seeing the event as continued by {@code traceparent}. */
        RowChange change(String traceparent) {
            return changeOf(handling, envelope.continuedBy(traceparent), data);
        }

        private static <T extends EventData> RowChange changeOf(Handling<T> handling, EventEnvelope envelope, EventData data) {
            return handling.handler().handle(envelope, handling.dataType().cast(data));
        }
    }

    private Message read(String payload, Map<String, Handling<?>> handlings) {
        JsonNode event;
        try {
            event = mapper.readTree(payload);
        } catch (Exception e) {
            return Message.refused(payload, null, null, "unreadable", "not JSON");
        }
        if (event == null || !event.isObject()) {
            return Message.refused(payload, null, null, "unreadable", "not a JSON object");
        }
        String eventId = text(event, "id");
        String eventType = text(event, "type");
        if (eventId == null || eventId.isBlank() || eventId.length() > MAX_EVENT_ID_LENGTH || eventId.indexOf('\u0000') >= 0) {
            return Message.refused(payload, null, eventType, "invalid", "no usable event id");
        }
        Handling<?> handling = eventType == null ? null : handlings.get(eventType);
        if (handling == null) {
            return Message.refused(payload, eventId, eventType, "unexpected-type", handlings.size() == 1
                    ? "type is not " + handlings.keySet().iterator().next()
                    : "type is none of " + String.join(", ", new TreeSet<>(handlings.keySet())));
        }
        EventEnvelope envelope;
        EventData data;
        try {
            envelope = mapper.treeToValue(event, EventEnvelope.class);
            data = mapper.treeToValue(event.get("data"), handling.dataType());
        } catch (Exception e) {
            return Message.refused(payload, eventId, eventType, "invalid", "data does not read as " + handling.dataType().getSimpleName());
        }
        List<String> problems = data == null ? List.of("data") : data.problems();
        if (!problems.isEmpty()) {
            return Message.refused(payload, eventId, eventType, "invalid", "missing or invalid " + String.join(", ", problems));
        }
        return new Message(payload, eventId, eventType, envelope, data, handling, null, null);
    }

    private Uni<Received> receiveOne(Intake intake, String topic, Message message) {
        if (message.refusal() != null) {
            return refuse(intake, topic, message.eventId(), message.eventType(), message.payload(), message.category(), message.refusal())
                    .map(outcome -> new Received(outcome, null));
        }
        String eventId = message.eventId();
        // Handled in a span continuing the producer's trace; the handler sees that span as the
        // envelope's traceparent, which it stores with whatever work goes on later.
        return spans.continuing("process " + topic, SpanKind.CONSUMER, message.envelope().traceparent(), traceparent ->
                Uni.createFrom().deferred(() -> processed.once(eventId, message.change(traceparent)))
                // The database away is no fault of the event: wait for it, up to the outage budget.
                .onFailure(DatabaseOutage::causedBy).invoke(away -> LOG.warnf("Event %s of %s waits for the database: %s",
                        eventId, topic, away.getMessage()))
                .onFailure(DatabaseOutage::causedBy).retry().withBackOff(config.firstBackOff(), config.maxBackOff())
                .expireIn(config.outageWait().toMillis())
                // A replay is itself a retry, on its own back-off: one more try, not the whole series.
                .onFailure(EventInbox::eventsFault).retry().withBackOff(config.firstBackOff(), config.maxBackOff())
                .atMost(intake == Intake.TOPIC ? config.handlingRetries() : 1))
                .map(changed -> new Received(counted(topic, changed), message.data()))
                // Longer than the budget, an outage fails the message unacknowledged (the channel stops and
                // the liveness probe says so): it is taken again after the restart, never set aside.
                .onFailure(EventInbox::eventsFault).recoverWithUni(failure -> refuse(intake, topic, eventId, message.eventType(),
                        message.payload(), HANDLING_FAILED, "handling failed: " + failure).map(outcome -> new Received(outcome, message.data())));
    }

    private Outcome counted(String topic, Long changed) {
        count("partnerb2b.events.consumed", topic, changed != null ? "handled" : "duplicate");
        return changed == null ? Outcome.DUPLICATE : changed > 0 ? Outcome.HANDLED : Outcome.UNCHANGED;
    }

    /**
     * Erasure: the messages of {@code topic} set aside whose text holds every one of {@code fragments} are
     * deleted (they keep what they carried, and a replay would bring it back), waiting for the database
     * as a set-aside record does.
     */
    public Uni<Void> forgetSetAside(String topic, List<String> fragments) {
        return waitingForDatabase(() -> failed.deleteHolding(topic, fragments)).replaceWithVoid();
    }

    /**
     * A step a consumer runs after an event's handling, on every delivery (so idempotent), retried with the
     * inbox's back-off while the database is away; if it stays away the {@code Uni} fails, the message is
     * not acknowledged and is taken again.
     */
    public <T> Uni<T> waitingForDatabase(Supplier<Uni<? extends T>> step) {
        return Uni.createFrom().deferred(step)
                .onFailure().retry().withBackOff(config.firstBackOff(), config.maxBackOff()).atMost(60);
    }

    private Uni<Outcome> refuse(Intake intake, String topic, String eventId, String eventType, String payload, String category,
            String reason) {
        return intake == Intake.REPLAY ? Uni.createFrom().failure(new NotHandled(reason))
                : setAside(topic, eventId, eventType, payload, category, reason);
    }

    private Uni<Outcome> setAside(String topic, String eventId, String eventType, String payload, String category,
            String reason) {
        LOG.warnf("Setting aside a %s message (event %s, type %s): %s", topic, eventId,
                eventType == null ? null : storable(eventType, 200), reason);
        // Whatever the message carries must fit the table (PostgreSQL refuses NUL in text; type is
        // varchar(200)): a record that cannot be written would stop the consumer.
        FailedEvent record = new FailedEvent();
        record.eventId = eventId;
        record.topic = topic;
        record.type = eventType == null ? null : storable(eventType, 200);
        record.reason = storable(reason, 2000);
        record.payload = payload == null ? "" : storable(payload, Integer.MAX_VALUE);
        record.failedAt = Instant.now();
        // Only a handling that failed may succeed later; a message that cannot be read or used never will.
        record.replayAt = HANDLING_FAILED.equals(category) ? record.failedAt.plus(config.firstReplay()) : null;
        // The record is the only trace of the message once it is acknowledged: keep trying while the
        // database is away, then fail the channel rather than drop it.
        return waitingForDatabase(() -> Panache.withTransaction(() -> failed.persist(record)))
                .invoke(() -> {
                    count("partnerb2b.events.consumed", topic, "failed");
                    Counter.builder("partnerb2b.events.failed").description("Consumed events set aside in failed_events")
                            .tag("topic", topic).tag("reason", category).register(registry).increment();
                })
                .replaceWith(Outcome.FAILED);
    }

    private static boolean eventsFault(Throwable failure) {
        return !DatabaseOutage.causedBy(failure);
    }

    static String storable(String text, int maxLength) {
        String clean = text.replace('\u0000', '\uFFFD');
        return clean.length() > maxLength ? clean.substring(0, maxLength) : clean;
    }

    private void count(String name, String topic, String outcome) {
        Counter.builder(name).tag("topic", topic).tag("outcome", outcome).register(registry).increment();
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}

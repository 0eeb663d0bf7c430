package com.partnerb2b.profile.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.events.ProfileErased;
import com.partnerb2b.platform.events.ProfileSubmitted;
import com.partnerb2b.platform.outbox.Outbox;
import com.partnerb2b.platform.outbox.OutboxRepository;
import com.partnerb2b.platform.sql.RowChange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * The {@code profile-submitted} topic's events (key: the profile pk): {@value ProfileSubmitted#TYPE}, whose
 * data is the platform's {@link ProfileSubmitted}, written to the outbox in the submit transaction, and
 * {@value ProfileErased#TYPE} ({@link ProfileErased}) in the deletion's.
 */
@ApplicationScoped
public class ProfileSubmittedPublisher {

    public static final String TOPIC = ProfileSubmitted.TOPIC;
    public static final String TYPE = ProfileSubmitted.TYPE;
    public static final String SOURCE = "/partnerb2b/profile-service";

    private final Outbox outbox;
    private final OutboxRepository outboxEvents;
    private final ObjectMapper mapper;
    private final Counter submissions;

    public ProfileSubmittedPublisher(Outbox outbox, OutboxRepository outboxEvents, ObjectMapper mapper, MeterRegistry registry) {
        this.outbox = outbox;
        this.outboxEvents = outboxEvents;
        this.mapper = mapper;
        this.submissions = Counter.builder("partnerb2b.profiles.submitted")
                .description("Profiles submitted (counted as their event is written)").register(registry);
    }

    /** Records the submit ({@code submission}) with its event in the submit's {@code transaction}, caused by the span {@code traceparent}. */
    public Uni<Void> recordWithEvent(SqlClient transaction, RowChange submission, ProfileSubmitted event, String traceparent) {
        return outbox.appendOnChange(transaction, submission, TOPIC, event.profilePk().toString(), SOURCE, TYPE, event.submittedAt(),
                mapper.valueToTree(event), traceparent).invoke(() -> submissions.increment()).replaceWithVoid();
    }

    /**
     * Erasure, in the {@code transaction} that holds the profile's row lock: the profile's events still in
     * the outbox (they carry its values) are deleted, then {@code deletion} runs and, if it deleted the
     * profile, its {@value ProfileErased#TYPE} event is written, after every submission of the profile
     * (same key), so that consumers drop their copies of its values.
     */
    public Uni<Boolean> eraseWithEvent(SqlClient transaction, RowChange deletion, ProfileErased event, String traceparent) {
        String key = event.profilePk().toString();
        return outboxEvents.deleteKey(transaction, TOPIC, key)
                .chain(() -> outbox.appendOnChange(transaction, deletion, TOPIC, key, SOURCE, ProfileErased.TYPE, event.erasedAt(),
                        mapper.valueToTree(event), traceparent))
                .map(written -> written != null);
    }
}

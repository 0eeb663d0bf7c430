package com.partnerb2b.profile.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.events.ProfileSubmitted;
import com.partnerb2b.platform.outbox.Outbox;
import com.partnerb2b.platform.outbox.OutboxRepository;
import com.partnerb2b.platform.sql.RowChange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * The {@code profile-submitted} event ({@value ProfileSubmitted#TYPE}, key: the profile pk), whose
 * data is the platform's {@link ProfileSubmitted}: written to the outbox in the submit transaction.
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

    /** Erasure: the profile's events still waiting in the outbox, or already published, are deleted. */
    public Uni<Integer> forget(Long profileId) {
        return outboxEvents.deleteKey(TOPIC, profileId.toString());
    }
}

package com.partnerb2b.analysis.messaging;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.analysis.repository.Submission;
import com.partnerb2b.analysis.repository.SubmissionRepository;
import com.partnerb2b.analysis.service.AnalysisWorker;
import com.partnerb2b.platform.events.ProfileErased;
import com.partnerb2b.platform.events.ProfileSubmitted;
import com.partnerb2b.platform.messaging.EventConsumer;
import com.partnerb2b.platform.messaging.EventInbox;
import com.partnerb2b.platform.sql.RowChange;
import com.partnerb2b.platform.time.TimeSource;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Keeps every submitted profile (profile-submitted) as the values its analyses are scored on; an
 * analysis requested before its submission arrived becomes workable now. A profile's erasure (on the
 * same topic, after its submissions) is recorded for good, then the submissions kept of it are deleted:
 * its values are gone here too, none is kept again, and its analyses waiting fail at once.
 */
@ApplicationScoped
public class ProfileSubmittedConsumer implements EventConsumer {

    private static final Logger LOG = Logger.getLogger(ProfileSubmittedConsumer.class);

    private final EventInbox inbox;
    private final AnalysisWorker worker;
    private final SubmissionRepository submissions;
    private final Pool pool;
    private final ObjectMapper mapper;
    private final TimeSource time;
    private final Map<String, EventInbox.Handling<?>> handlings;

    public ProfileSubmittedConsumer(EventInbox inbox, AnalysisWorker worker, SubmissionRepository submissions, Pool pool,
            ObjectMapper mapper, TimeSource time) {
        this.inbox = inbox;
        this.worker = worker;
        this.submissions = submissions;
        this.pool = pool;
        this.mapper = mapper;
        this.time = time;
        this.handlings = Map.of(
                ProfileSubmitted.TYPE, new EventInbox.Handling<>(ProfileSubmitted.class, (event, data) -> keep(data)),
                ProfileErased.TYPE, new EventInbox.Handling<>(ProfileErased.class,
                        (event, data) -> SubmissionRepository.erased(data.partnerId(), data.profilePk())));
    }

    /** The messages of one poll, handled together ({@link EventInbox#receiveAll}). */
    @Incoming("profile-submitted")
    public Uni<Void> consume(List<String> payloads) {
        return takeAll(payloads, EventInbox.Intake.TOPIC).replaceWithVoid();
    }

    @Override
    public String topic() {
        return ProfileSubmitted.TOPIC;
    }

    @Override
    public Uni<List<EventInbox.Outcome>> takeAll(List<String> payloads, EventInbox.Intake intake) {
        return inbox.receiveAll(intake, ProfileSubmitted.TOPIC, payloads, handlings)
                .call(received -> Multi.createFrom().iterable(received)
                        .filter(one -> one.data() instanceof ProfileErased && one.outcome() != EventInbox.Outcome.FAILED)
                        .onItem().transformToUniAndConcatenate(one -> afterErasure((ProfileErased) one.data()))
                        .collect().last())
                .map(received -> {
                    if (EventInbox.Received.anyHandled(received)) {
                        worker.wake();
                    }
                    return EventInbox.Received.outcomes(received);
                });
    }

    /**
     * On every delivery of an erasure, once it is recorded (each step is idempotent and waits for the
     * database): the submissions kept of the profile, then what was set aside of it.
     */
    private Uni<Void> afterErasure(ProfileErased erased) {
        return inbox.waitingForDatabase(() -> submissions.forget(pool, erased.partnerId(), erased.profilePk())
                        .onFailure().invoke(failure -> LOG.warnf("Deleting the submissions of erased profile %d: %s",
                                erased.profilePk(), failure.toString())))
                .call(() -> inbox.forgetSetAside(ProfileSubmitted.TOPIC, setAsideOf(erased)))
                .replaceWithVoid();
    }

    /**
     * What marks the erased profile's messages set aside (as the relay wrote them): after an erasure (on
     * every delivery of its event: idempotent) they go too, since they hold its values and a replay would
     * keep them here again.
     */
    private static List<String> setAsideOf(ProfileErased erased) {
        return List.of("\"partnerId\":\"" + erased.partnerId() + "\"", "\"profilePk\":" + erased.profilePk() + ",");
    }

    private RowChange keep(ProfileSubmitted data) {
        Submission submission = new Submission();
        submission.submissionId = data.submissionId();
        submission.partnerId = data.partnerId();
        submission.profilePk = data.profilePk();
        submission.catalogueVersion = data.catalogueVersion();
        submission.externalReference = data.externalReference();
        try {
            submission.attributes = mapper.writeValueAsString(data.attributes());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attributes do not write as JSON", e);
        }
        submission.submittedAt = data.submittedAt();
        submission.receivedAt = time.now();
        return SubmissionRepository.keep(submission);
    }
}

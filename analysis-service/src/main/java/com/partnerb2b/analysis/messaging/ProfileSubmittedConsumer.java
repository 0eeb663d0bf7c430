package com.partnerb2b.analysis.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

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

import io.smallrye.mutiny.Uni;

/**
 * Keeps every submitted profile (profile-submitted) as the values its analyses are scored on; an
 * analysis requested before its submission arrived becomes workable now. A profile's erasure (on the
 * same topic, after its submissions) deletes the submissions kept of it: its values are gone here too;
 * its analyses still waiting fail at once.
 */
@ApplicationScoped
public class ProfileSubmittedConsumer implements EventConsumer {

    private final EventInbox inbox;
    private final AnalysisWorker worker;
    private final ObjectMapper mapper;
    private final TimeSource time;

    public ProfileSubmittedConsumer(EventInbox inbox, AnalysisWorker worker,
            ObjectMapper mapper, TimeSource time) {
        this.inbox = inbox;
        this.worker = worker;
        this.mapper = mapper;
        this.time = time;
    }

    @Incoming("profile-submitted")
    public Uni<Void> consume(String payload) {
        return take(payload, EventInbox.Intake.TOPIC).replaceWithVoid();
    }

    @Override
    public String topic() {
        return ProfileSubmitted.TOPIC;
    }

    @Override
    public Uni<EventInbox.Outcome> take(String payload, EventInbox.Intake intake) {
        AtomicReference<ProfileErased> erased = new AtomicReference<>();
        Map<String, EventInbox.Handling<?>> handlings = Map.of(
                ProfileSubmitted.TYPE, new EventInbox.Handling<>(ProfileSubmitted.class, (event, data) -> keep(data)),
                ProfileErased.TYPE, new EventInbox.Handling<>(ProfileErased.class, (event, data) -> {
                    erased.set(data);
                    return SubmissionRepository.forget(data.partnerId(), data.profilePk());
                }));
        return inbox.receive(intake, ProfileSubmitted.TOPIC, payload, handlings)
                .call(outcome -> erased.get() == null || outcome == EventInbox.Outcome.FAILED ? Uni.createFrom().voidItem()
                        : inbox.forgetSetAside(ProfileSubmitted.TOPIC, setAsideOf(erased.get()))
                                .call(() -> worker.profileErased(erased.get().partnerId(), erased.get().profilePk())))
                .invoke(outcome -> {
                    if (outcome == EventInbox.Outcome.HANDLED) {
                        worker.wake();
                    }
                });
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

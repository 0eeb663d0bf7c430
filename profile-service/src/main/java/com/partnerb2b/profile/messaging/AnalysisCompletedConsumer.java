package com.partnerb2b.profile.messaging;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.partnerb2b.platform.events.AnalysisCompleted;
import com.partnerb2b.platform.messaging.EventConsumer;
import com.partnerb2b.platform.messaging.EventInbox;
import com.partnerb2b.profile.service.ProfileAnalysisService;

import io.smallrye.mutiny.Uni;

/**
 * Takes {@code analysis-completed} ({@value AnalysisCompleted#TYPE}) through the platform's inbox
 * (parsed, checked, handled once; a poison message set aside in {@code failed_events}, a failed
 * handling replayed from there later) and hands
 * each analysis to {@link ProfileAnalysisService}. The returned {@code Uni} fails only when the
 * inbox cannot even record a failure: the channel then fails rather than lose the message.
 */
@ApplicationScoped
public class AnalysisCompletedConsumer implements EventConsumer {

    private final EventInbox inbox;
    private final ProfileAnalysisService analyses;

    public AnalysisCompletedConsumer(EventInbox inbox, ProfileAnalysisService analyses) {
        this.inbox = inbox;
        this.analyses = analyses;
    }

    @Incoming("analysis-completed")
    public Uni<Void> consume(String payload) {
        return take(payload, EventInbox.Intake.TOPIC).replaceWithVoid();
    }

    @Override
    public String topic() {
        return AnalysisCompleted.TOPIC;
    }

    @Override
    public Uni<EventInbox.Outcome> take(String payload, EventInbox.Intake intake) {
        AtomicReference<AnalysisCompleted> received = new AtomicReference<>();
        return inbox.receive(intake, AnalysisCompleted.TOPIC, payload, AnalysisCompleted.TYPE, AnalysisCompleted.class,
                (envelope, analysis) -> {
                    received.set(analysis);
                    return analyses.record(analysis);
                }).invoke(outcome -> {
                    if (outcome == EventInbox.Outcome.UNCHANGED) {
                        analyses.ignored(received.get());
                    }
                });
    }
}

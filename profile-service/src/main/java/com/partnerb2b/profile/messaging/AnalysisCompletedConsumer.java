package com.partnerb2b.profile.messaging;

import java.util.List;
import java.util.Map;

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
    private final Map<String, EventInbox.Handling<?>> handlings;

    public AnalysisCompletedConsumer(EventInbox inbox, ProfileAnalysisService analyses) {
        this.inbox = inbox;
        this.analyses = analyses;
        this.handlings = Map.of(AnalysisCompleted.TYPE, new EventInbox.Handling<>(AnalysisCompleted.class,
                (envelope, analysis) -> analyses.record(analysis)));
    }

    /** The messages of one poll, handled together ({@link EventInbox#receiveAll}). */
    @Incoming("analysis-completed")
    public Uni<Void> consume(List<String> payloads) {
        return takeAll(payloads, EventInbox.Intake.TOPIC).replaceWithVoid();
    }

    @Override
    public String topic() {
        return AnalysisCompleted.TOPIC;
    }

    @Override
    public Uni<List<EventInbox.Outcome>> takeAll(List<String> payloads, EventInbox.Intake intake) {
        return inbox.receiveAll(intake, AnalysisCompleted.TOPIC, payloads, handlings).map(received -> {
            for (EventInbox.Received one : received) {
                if (one.outcome() == EventInbox.Outcome.UNCHANGED) {
                    analyses.ignored((AnalysisCompleted) one.data());
                }
            }
            return EventInbox.Received.outcomes(received);
        });
    }
}

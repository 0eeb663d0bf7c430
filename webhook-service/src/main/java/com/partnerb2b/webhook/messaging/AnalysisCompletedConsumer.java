package com.partnerb2b.webhook.messaging;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.partnerb2b.platform.events.AnalysisCompleted;
import com.partnerb2b.platform.messaging.EventConsumer;
import com.partnerb2b.platform.messaging.EventInbox;
import com.partnerb2b.webhook.service.DeliveryService;
import com.partnerb2b.webhook.service.DeliveryWorker;

import io.smallrye.mutiny.Uni;

/**
 * Each analysis outcome becomes one delivery to its partner's endpoint (if it has one), recorded
 * with the event id in one transaction: a redelivered event delivers once.
 */
@ApplicationScoped
public class AnalysisCompletedConsumer implements EventConsumer {

    private final EventInbox inbox;
    private final DeliveryService deliveries;
    private final DeliveryWorker worker;
    private final Map<String, EventInbox.Handling<?>> handlings;

    public AnalysisCompletedConsumer(EventInbox inbox, DeliveryService deliveries, DeliveryWorker worker) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.worker = worker;
        this.handlings = Map.of(AnalysisCompleted.TYPE, new EventInbox.Handling<>(AnalysisCompleted.class, deliveries::fromEvent));
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
            if (EventInbox.Received.anyHandled(received)) {
                worker.wake();
            }
            return EventInbox.Received.outcomes(received);
        });
    }
}

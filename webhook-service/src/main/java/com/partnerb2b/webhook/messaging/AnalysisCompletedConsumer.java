package com.partnerb2b.webhook.messaging;

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

    public AnalysisCompletedConsumer(EventInbox inbox, DeliveryService deliveries, DeliveryWorker worker) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.worker = worker;
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
        return inbox.receive(intake, AnalysisCompleted.TOPIC, payload, AnalysisCompleted.TYPE, AnalysisCompleted.class,
                deliveries::fromEvent)
                .invoke(outcome -> {
                    if (outcome == EventInbox.Outcome.HANDLED) {
                        worker.wake();
                    }
                });
    }
}

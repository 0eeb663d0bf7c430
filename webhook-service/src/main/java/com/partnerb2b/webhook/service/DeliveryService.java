package com.partnerb2b.webhook.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.api.PageRequest;
import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.events.AnalysisCompleted;
import com.partnerb2b.platform.messaging.EventEnvelope;
import com.partnerb2b.platform.sql.RowChange;
import com.partnerb2b.platform.time.TimeSource;
import com.partnerb2b.webhook.repository.Delivery;
import com.partnerb2b.webhook.repository.DeliveryLog;
import com.partnerb2b.webhook.repository.DeliveryRepository;
import com.partnerb2b.webhook.repository.EndpointRepository;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Deliveries: one per analysis outcome for the partner's endpoint; listed, retried, recovered. */
@ApplicationScoped
public class DeliveryService {

    private final DeliveryRepository deliveries;
    private final DeliveryLog log;
    private final EndpointRepository endpoints;
    private final WebhookPayloads payloads;
    private final TimeSource time;

    public DeliveryService(DeliveryRepository deliveries, DeliveryLog log, EndpointRepository endpoints,
            WebhookPayloads payloads, TimeSource time) {
        this.deliveries = deliveries;
        this.log = log;
        this.endpoints = endpoints;
        this.payloads = payloads;
        this.time = time;
    }

    /** The insert of a delivery if the partner has an endpoint (enabled or not: a disabled one gets it when enabled). */
    public RowChange fromEvent(EventEnvelope event, AnalysisCompleted analysis) {
        Delivery delivery = new Delivery();
        delivery.webhookId = "msg_" + event.id();
        delivery.partnerId = analysis.partnerId();
        delivery.eventType = WebhookPayloads.typeOf(analysis);
        delivery.analysisPk = analysis.analysisPk();
        delivery.profilePk = analysis.profilePk();
        delivery.payload = payloads.analysis(analysis, event.time() == null ? time.now() : event.time());
        delivery.status = Delivery.PENDING;
        delivery.createdAt = time.now();
        delivery.nextAttemptAt = delivery.createdAt;
        delivery.traceParent = event.traceparent();
        return DeliveryRepository.addForEndpointOfPartner(delivery);
    }

    public Uni<DeliveryLog.Page> page(UUID partnerId, long endpointId, DeliveryLog.Filter filter, PageRequest request) {
        return log.page(partnerId, endpointId, filter, request).onItem().ifNull().failWith(() -> ApiException.notFound("Webhook"));
    }

    /** Sends a delivery again now, whatever its state (a delivered one too: the receiver deduplicates on webhook-id). */
    @WithTransaction
    public Uni<Delivery> retry(UUID partnerId, long deliveryId) {
        return deliveries.lockOwned(partnerId, deliveryId).onItem().ifNull().failWith(() -> ApiException.notFound("Delivery"))
                .invoke(delivery -> {
                    if (delivery.leaseUntil != null && delivery.leaseUntil.isAfter(time.now())) {
                        throw ApiException.conflict("Delivery under way: retry when it is done");
                    }
                    delivery.status = Delivery.PENDING;
                    delivery.nextAttemptAt = time.now();
                    delivery.leaseUntil = null;
                    delivery.claimedBy = null;
                })
                .call(delivery -> deliveries.flush());
    }

    /** A partner back from an outage: every failed delivery since then, again, now. */
    @WithTransaction
    public Uni<Integer> recover(UUID partnerId, long endpointId, Instant since) {
        return endpoints.owned(partnerId, endpointId).onItem().ifNull().failWith(() -> ApiException.notFound("Webhook"))
                .chain(endpoint -> deliveries.recover(endpoint.id, since, time.now()));
    }
}

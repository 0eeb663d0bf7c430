package com.partnerb2b.webhook.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import com.partnerb2b.platform.time.TimeSource;
import com.partnerb2b.webhook.delivery.AttemptResult;
import com.partnerb2b.webhook.delivery.RetrySchedule;
import com.partnerb2b.webhook.repository.Delivery;
import com.partnerb2b.webhook.repository.DeliveryAttempt;
import com.partnerb2b.webhook.repository.DeliveryAttemptRepository;
import com.partnerb2b.webhook.repository.DeliveryQueue;
import com.partnerb2b.webhook.repository.DeliveryQueue.Claim;
import com.partnerb2b.webhook.repository.DeliveryRepository;
import com.partnerb2b.webhook.repository.Endpoint;
import com.partnerb2b.webhook.repository.EndpointRepository;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records what an attempt got, in one transaction and only while the claim holds (same claimer,
 * same attempt number): the attempt's log row; then delivered, or the next attempt on the schedule
 * (honouring Retry-After), or failed after the last one. The endpoint's health follows: a success
 * clears its failing streak; a 410 Gone, or failing without a single success for the failure window,
 * disables it. A success, the common case, is two statements through the queue; a failure goes
 * through the entities, its rules being more than an update can say.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);
    /** What the partner reads in the attempt log of a delivery that could not be signed. */
    static final String NOT_SENT = "Not sent: PartnerB2B could not sign it (a fault on our side, not your endpoint's)";

    private final DeliveryQueue queue;
    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final EndpointRepository endpoints;
    private final RetrySchedule schedule;
    private final WebhookConfig config;
    private final TimeSource time;
    private final MeterRegistry registry;

    public DeliveryOutcomes(DeliveryQueue queue, DeliveryRepository deliveries, DeliveryAttemptRepository attempts,
            EndpointRepository endpoints, RetrySchedule schedule, WebhookConfig config, TimeSource time, MeterRegistry registry) {
        this.queue = queue;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.endpoints = endpoints;
        this.schedule = schedule;
        this.config = config;
        this.time = time;
        this.registry = registry;
    }

    /** True if recorded; false if the claim was lost meanwhile (another instance took the delivery over). */
    public Uni<Boolean> record(Claim claim, String claimer, Instant attemptedAt, AttemptResult result) {
        Uni<Boolean> recorded = result.delivered() ? queue.delivered(claim, claimer, time.now(), attemptedAt, result)
                : Panache.withTransaction(() -> recordFailure(claim, claimer, attemptedAt, result, true));
        return recorded.invoke(done -> {
            if (done) {
                attempted(result.delivered() ? "delivered" : "failed");
                if (result.delivered()) {
                    finished(Delivery.DELIVERED);
                }
            }
        });
    }

    /**
     * The delivery could not be signed here (its endpoint's secret does not open with this deployment's
     * keys), so nothing was sent: logged as an attempt the partner can see and retried on the schedule,
     * but the endpoint's health is untouched — the fault is ours, not the receiver's.
     */
    public Uni<Boolean> notSent(Claim claim, String claimer, Instant attemptedAt) {
        AttemptResult result = new AttemptResult(null, NOT_SENT, 0, null, null);
        return Panache.withTransaction(() -> recordFailure(claim, claimer, attemptedAt, result, false)).invoke(done -> {
            if (done) {
                attempted("not_sent");
            }
        });
    }

    private Uni<Boolean> recordFailure(Claim claim, String claimer, Instant attemptedAt, AttemptResult result,
            boolean receiversFault) {
        // The endpoint first, then the delivery: the order an endpoint's deletion locks them in.
        return endpoints.findById(claim.endpointId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(endpoint -> endpoint == null ? Uni.createFrom().item(false)
                        : deliveries.findById(claim.id(), LockModeType.PESSIMISTIC_WRITE).chain(delivery -> {
                            if (delivery == null || !Delivery.PENDING.equals(delivery.status) || !claimer.equals(delivery.claimedBy)
                                    || delivery.attempts != claim.attempts()) {
                                return Uni.createFrom().item(false);
                            }
                            return attempts.persist(attempt(delivery, attemptedAt, result))
                                    .invoke(() -> failed(delivery, endpoint, result, receiversFault))
                                    .replaceWith(true);
                        }));
    }

    private void failed(Delivery delivery, Endpoint endpoint, AttemptResult result, boolean receiversFault) {
        Instant now = time.now();
        delivery.leaseUntil = null;
        delivery.claimedBy = null;
        if (receiversFault && endpoint.failingSince == null) {
            endpoint.failingSince = now;
        }
        Optional<Duration> next = result.gone() ? Optional.empty() : schedule.delayAfter(delivery.attempts, result.retryAfter());
        if (next.isPresent()) {
            delivery.nextAttemptAt = now.plus(next.get());
        } else {
            delivery.status = Delivery.FAILED;
            finished(Delivery.FAILED);
            delivery.nextAttemptAt = null;
        }
        if (!receiversFault) {
            return;
        }
        if (result.gone()) {
            disable(endpoint, "the endpoint answered 410 Gone", now);
        } else if (!endpoint.failingSince.plus(config.failureWindow()).isAfter(now)) {
            disable(endpoint, "no successful delivery since " + endpoint.failingSince, now);
        }
    }

    /** Attempts recorded, by outcome ({@code partnerb2b_webhooks_attempts_total}). */
    private void attempted(String outcome) {
        Counter.builder("partnerb2b.webhooks.attempts").tag("outcome", outcome).register(registry).increment();
    }

    /** Deliveries that ended, by outcome ({@code partnerb2b_webhooks_deliveries_total}). */
    private void finished(String outcome) {
        Counter.builder("partnerb2b.webhooks.deliveries").description("Webhook deliveries ended, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    private void disable(Endpoint endpoint, String reason, Instant now) {
        if (Endpoint.DISABLED.equals(endpoint.status)) {
            return;
        }
        endpoint.status = Endpoint.DISABLED;
        endpoint.disabledReason = reason;
        endpoint.disabledAt = now;
        endpoint.updatedAt = now;
        LOG.warnf("Webhook endpoint %d of partner %s disabled: %s", endpoint.id, endpoint.partnerId, reason);
        Counter.builder("partnerb2b.webhooks.endpoints.disabled").register(registry).increment();
    }

    private static DeliveryAttempt attempt(Delivery delivery, Instant attemptedAt, AttemptResult result) {
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = delivery.id;
        attempt.attempt = delivery.attempts;
        attempt.attemptedAt = attemptedAt;
        attempt.httpStatus = result.httpStatus();
        attempt.error = result.error();
        attempt.durationMs = result.durationMillis();
        attempt.responseExcerpt = result.responseExcerpt();
        return attempt;
    }
}

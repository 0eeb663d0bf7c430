package com.partnerb2b.webhook.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.partnerb2b.platform.reactive.FreshContexts;
import com.partnerb2b.platform.time.TimeSource;
import com.partnerb2b.platform.tracing.Spans;
import com.partnerb2b.webhook.repository.DeliveryQueue;
import com.partnerb2b.webhook.repository.DeliveryQueue.Claim;

import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Sends the deliveries that are due. Claims as many as there is room for in flight, sends each on
 * its own (an endpoint that hangs holds one slot until its timeout, never the others), records
 * each outcome, and claims again whenever a slot frees, a delivery is created or retried, and on a
 * short poll (for retries coming due and for work other instances left).
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryQueue queue;
    private final WebhookDispatch dispatch;
    private final DeliveryOutcomes outcomes;
    private final SigningSecrets secrets;
    private final WebhookConfig config;
    private final TimeSource time;
    private final Vertx vertx;
    private final Spans spans;
    private final String claimer = "webhook-" + UUID.randomUUID();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean askedAgain = new AtomicBoolean();
    private final AtomicInteger freeing = new AtomicInteger();

    public DeliveryWorker(DeliveryQueue queue, WebhookDispatch dispatch, DeliveryOutcomes outcomes, SigningSecrets secrets,
            WebhookConfig config, TimeSource time, Vertx vertx, Spans spans) {
        this.spans = spans;
        this.queue = queue;
        this.dispatch = dispatch;
        this.outcomes = outcomes;
        this.secrets = secrets;
        this.config = config;
        this.time = time;
        this.vertx = vertx;
    }

    // The first poll after one interval too: a worker configured not to poll never claims behind a test's back.
    @Scheduled(every = "${partnerb2b.webhooks.poll-interval:PT1S}", delayed = "${partnerb2b.webhooks.poll-interval:PT1S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Non-blocking; callable from any thread. */
    public void wake() {
        askedAgain.set(true);
        if (claiming.compareAndSet(false, true)) {
            askedAgain.set(false);
            claimRoom();
        }
    }

    public String claimer() {
        return claimer;
    }

    /**
     * No claim running or about to run and no attempt in flight: until woken again, this worker touches
     * no delivery. Read in the order the states hand over (a freed slot wakes a claim, whose claims are
     * counted in flight before it ends), so a worker between two of them never reads as idle.
     */
    public boolean idle() {
        return freeing.get() == 0 && !claiming.get() && inFlight.get() == 0;
    }

    private void claimRoom() {
        int room = config.maxInFlight() - inFlight.get();
        if (room <= 0) {
            doneClaiming();
            return;
        }
        queue.claim(claimer, config.lease(), room, config.perEndpointInFlight()).subscribe().with(claims -> {
            try {
                for (Claim claim : claims) {
                    inFlight.incrementAndGet();
                    FreshContexts.run(vertx, () -> attempt(claim)).subscribe().with(done -> slotFreed(), failure -> {
                        LOG.warnf("Delivery %d: %s", claim.id(), failure.toString());
                        slotFreed();
                    });
                }
            } finally {
                doneClaiming();
            }
        }, failure -> {
            LOG.warnf("Webhook deliveries deferred: %s", failure.toString());
            doneClaiming();
        });
    }

    private void doneClaiming() {
        claiming.set(false);
        if (askedAgain.get()) {
            wake();
        }
    }

    private void slotFreed() {
        freeing.incrementAndGet();
        try {
            inFlight.decrementAndGet();
            wake();
        } finally {
            freeing.decrementAndGet();
        }
    }

    /**
     * One attempt, a span of the analysis's trace (sent on as the traceparent header); its outcome
     * recorded. A failure to record leaves the lease to expire: the attempt is made again.
     */
    Uni<Boolean> attempt(Claim claim) {
        Instant now = time.now();
        return spans.continuing("webhook.deliver", SpanKind.CLIENT, claim.traceParent(), traceparent -> {
            List<String> signing;
            try {
                signing = secrets.signing(claim.partnerId(), claim.secretCipher(), claim.secretKeyId(),
                        claim.previousSecretCipher(), claim.previousSecretKeyId(), claim.previousSecretUntil(), now);
            } catch (SigningSecrets.Unreadable e) {
                LOG.errorf("Delivery %d not sent: the signing secret of webhook endpoint %d cannot be opened (%s); "
                        + "check partnerb2b.encryption.keys", claim.id(), claim.endpointId(), e.getMessage());
                return outcomes.notSent(claim, claimer, now);
            }
            return dispatch.send(claim.url(), claim.webhookId(), claim.payload(), signing, now, traceparent)
                    .chain(result -> outcomes.record(claim, claimer, now, result));
        });
    }
}

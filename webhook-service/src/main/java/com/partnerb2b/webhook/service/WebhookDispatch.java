package com.partnerb2b.webhook.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.reactive.Blocking;
import com.partnerb2b.platform.tracing.TraceParents;
import com.partnerb2b.webhook.delivery.AddressGuard;
import com.partnerb2b.webhook.delivery.AttemptResult;
import com.partnerb2b.webhook.delivery.TargetRefused;
import com.partnerb2b.webhook.delivery.VettedTarget;
import com.partnerb2b.webhook.delivery.WebhookSender;
import com.partnerb2b.webhook.delivery.WebhookSignature;


import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * One signed POST: the URL's target vetted again (DNS resolved now, every address checked, the
 * vetted address connected to), the Standard Webhooks headers, the send. A refused target is an
 * attempt that failed with the refusal as its error.
 */
@ApplicationScoped
public class WebhookDispatch {

    private final AddressGuard guard;
    private final WebhookSender sender;
    private final WebhookSender testSender;
    private final WebhookConfig config;
    private final Vertx vertx;

    public WebhookDispatch(AddressGuard guard, WebhookSender sender, @Identifier(DeliveryBeans.TEST_EVENTS) WebhookSender testSender,
            WebhookConfig config, Vertx vertx) {
        this.guard = guard;
        this.sender = sender;
        this.testSender = testSender;
        this.config = config;
        this.vertx = vertx;
    }

    /** Vets the URL off the event loop (DNS lookups block). */
    public Uni<VettedTarget> vet(String url) {
        return Blocking.call(vertx, () -> guard.vet(url));
    }

    /** A test event a partner asked for, on the test events' own connections. */
    public Uni<AttemptResult> sendTest(String url, String webhookId, String body, List<String> secrets, Instant now) {
        return send(testSender, url, webhookId, body, secrets, now, null);
    }

    /** A delivery's attempt; {@code traceparent} (may be null): its span, sent as the W3C header. */
    public Uni<AttemptResult> send(String url, String webhookId, String body, List<String> secrets, Instant now,
            String traceparent) {
        return send(sender, url, webhookId, body, secrets, now, traceparent);
    }

    private Uni<AttemptResult> send(WebhookSender sender, String url, String webhookId, String body, List<String> secrets, Instant now,
            String traceparent) {
        return vet(url).chain(target -> {
            long timestamp = now.getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("webhook-id", webhookId);
            headers.put("webhook-timestamp", Long.toString(timestamp));
            headers.put("webhook-signature", WebhookSignature.sign(webhookId, timestamp, body, secrets));
            headers.put("Content-Type", "application/json");
            headers.put("User-Agent", config.userAgent());
            if (traceparent != null) {
                headers.put(TraceParents.HEADER, traceparent);
            }
            return sender.send(target, headers, body);
        }).onFailure(TargetRefused.class).recoverWithItem(failure -> {
            TargetRefused refused = (TargetRefused) failure;
            return new AttemptResult(null, refused.reason() + ": " + refused.detail(), 0, null, null);
        });
    }
}

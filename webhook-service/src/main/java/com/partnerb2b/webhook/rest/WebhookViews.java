package com.partnerb2b.webhook.rest;

import java.time.Instant;
import java.util.List;

import com.partnerb2b.webhook.delivery.AttemptResult;
import com.partnerb2b.webhook.repository.Delivery;
import com.partnerb2b.webhook.repository.DeliveryAttempt;
import com.partnerb2b.webhook.repository.DeliveryLog;
import com.partnerb2b.webhook.repository.Endpoint;

/** The webhook answers partners read. */
public final class WebhookViews {

    private WebhookViews() {
    }

    /** Configure and rotate: the only answers with the secret in full. */
    public record Configured(String message, long pk, String url, String secret, Instant createdAt) {
    }

    public record EndpointView(long pk, String url, Instant createdAt, String status, String disabledReason, String secret) {
    }

    public record Message(String message) {
    }

    public record AttemptView(int attempt, Instant attemptedAt, Integer httpStatus, String error, long durationMs,
            String response) {
    }

    public record DeliveryView(long id, String webhookId, String eventType, Long analysis, Long profile, String status,
            int attempts, Instant createdAt, Instant deliveredAt, Instant nextAttemptAt, List<AttemptView> attemptLog) {
    }

    public record TestView(boolean delivered, Integer httpStatus, String error, long durationMs, String response) {
    }

    public static EndpointView endpoint(Endpoint endpoint, String maskedSecret) {
        return new EndpointView(endpoint.id, endpoint.url, endpoint.createdAt, endpoint.status, endpoint.disabledReason,
                maskedSecret);
    }

    public static DeliveryView delivery(DeliveryLog.Logged logged) {
        Delivery d = logged.delivery();
        return new DeliveryView(d.id, d.webhookId, d.eventType, d.analysisPk, d.profilePk, d.status, d.attempts, d.createdAt,
                d.deliveredAt, Delivery.PENDING.equals(d.status) ? d.nextAttemptAt : null,
                logged.attempts().stream().map(WebhookViews::attempt).toList());
    }

    public static TestView test(AttemptResult result) {
        return new TestView(result.delivered(), result.httpStatus(), result.error(), result.durationMillis(), result.responseExcerpt());
    }

    private static AttemptView attempt(DeliveryAttempt a) {
        return new AttemptView(a.attempt, a.attemptedAt, a.httpStatus, a.error, a.durationMs, a.responseExcerpt);
    }
}

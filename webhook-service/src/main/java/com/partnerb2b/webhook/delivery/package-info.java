/**
 * The security-critical core of webhook delivery, free of persistence and scheduling so it can be tested alone.
 * <p>
 * One attempt, as the worker runs it:
 * <ol>
 * <li>{@link com.partnerb2b.webhook.delivery.AddressGuard#vet} the stored URL again (on a worker thread: it may
 * resolve DNS) — a {@link com.partnerb2b.webhook.delivery.TargetRefused} is a failed attempt whose error is its
 * {@code reason()};</li>
 * <li>{@link com.partnerb2b.webhook.delivery.WebhookSignature#sign} the body with every active secret, a fresh
 * {@code webhook-timestamp} and the delivery's stable {@code webhook-id};</li>
 * <li>{@link com.partnerb2b.webhook.delivery.WebhookSender#send} to the vetted target — a
 * {@link com.partnerb2b.webhook.delivery.ConnectPolicy} re-checks the address right before the socket
 * ({@code guardedBy(guard)} in production, {@code loopbackOnly()} in tests);</li>
 * <li>store the {@link com.partnerb2b.webhook.delivery.AttemptResult}; if not delivered, ask
 * {@link com.partnerb2b.webhook.delivery.RetrySchedule#delayAfter} for the next attempt time.</li>
 * </ol>
 * {@link com.partnerb2b.webhook.delivery.WebhookVerifier} is the receiver side, the code partners are shown.
 */
package com.partnerb2b.webhook.delivery;

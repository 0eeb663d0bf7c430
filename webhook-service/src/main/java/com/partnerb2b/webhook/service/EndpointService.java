package com.partnerb2b.webhook.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.error.FieldError;
import com.partnerb2b.platform.time.TimeSource;
import com.partnerb2b.webhook.delivery.AttemptResult;
import com.partnerb2b.webhook.delivery.TargetRefused;
import com.partnerb2b.webhook.repository.Endpoint;
import com.partnerb2b.webhook.repository.EndpointRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * A partner's endpoint: configured (one per partner; configuring again replaces the URL and keeps
 * the secret) only after its URL passes the address guard and answers a signed test event with a
 * 2xx; changed, deleted, its secret rotated, tested, re-enabled.
 */
@ApplicationScoped
public class EndpointService {

    public static final int MAX_URL_LENGTH = 2048;

    /** An endpoint and, when it was just made or rotated, its secret in clear (shown this once). */
    public record Shown(Endpoint endpoint, String secret) {
    }

    private final EndpointRepository endpoints;
    private final SigningSecrets secrets;
    private final WebhookDispatch dispatch;
    private final WebhookPayloads payloads;
    private final WebhookConfig config;
    private final TimeSource time;

    public EndpointService(EndpointRepository endpoints, SigningSecrets secrets, WebhookDispatch dispatch,
            WebhookPayloads payloads, WebhookConfig config, TimeSource time) {
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.dispatch = dispatch;
        this.payloads = payloads;
        this.config = config;
        this.time = time;
    }

    public Uni<Shown> configure(UUID partnerId, String url) {
        return Panache.withSession(() -> endpoints.ofPartner(partnerId)).chain(existing -> {
            Endpoint endpoint = existing != null ? existing : newEndpoint(partnerId);
            String secret = existing != null ? secrets.current(existing) : secrets.replace(endpoint);
            return checked(url, List.of(secret)).chain(() -> Panache.withTransaction(() -> endpoints.ofPartner(partnerId)
                    .chain(current -> {
                        Endpoint saved = current != null ? current : endpoint;
                        saved.url = url;
                        saved.updatedAt = time.now();
                        return current != null ? Uni.createFrom().item(new Shown(current, secrets.current(current)))
                                : endpoints.persist(endpoint).map(persisted -> new Shown(persisted, secret));
                    })));
        });
    }

    @WithSession
    public Uni<Endpoint> get(UUID partnerId, long id) {
        return endpoints.owned(partnerId, id).onItem().ifNull().failWith(() -> ApiException.notFound("Webhook"));
    }

    @WithSession
    public Uni<List<Endpoint>> list(UUID partnerId) {
        return endpoints.ofPartner(partnerId).map(endpoint -> endpoint == null ? List.of() : List.of(endpoint));
    }

    public Uni<Endpoint> changeUrl(UUID partnerId, long id, String url) {
        return get(partnerId, id).chain(endpoint -> checked(url, secrets.signing(endpoint, time.now()))
                .chain(() -> Panache.withTransaction(() -> endpoints.lockOwned(partnerId, id).onItem().ifNull()
                        .failWith(() -> ApiException.notFound("Webhook")).invoke(locked -> {
                            locked.url = url;
                            locked.updatedAt = time.now();
                        }))));
    }

    public Uni<Void> delete(UUID partnerId, long id) {
        return Panache.withTransaction(() -> endpoints.lockOwned(partnerId, id).onItem().ifNull()
                .failWith(() -> ApiException.notFound("Webhook")).chain(endpoints::delete));
    }

    public Uni<Shown> rotateSecret(UUID partnerId, long id) {
        return Panache.withTransaction(() -> endpoints.lockOwned(partnerId, id).onItem().ifNull()
                .failWith(() -> ApiException.notFound("Webhook")).map(endpoint -> {
                    String secret = secrets.rotate(endpoint, time.now().plus(config.rotationOverlap()));
                    endpoint.updatedAt = time.now();
                    return new Shown(endpoint, secret);
                }));
    }

    public Uni<Endpoint> enable(UUID partnerId, long id) {
        return Panache.withTransaction(() -> endpoints.lockOwned(partnerId, id).onItem().ifNull()
                .failWith(() -> ApiException.notFound("Webhook")).invoke(endpoint -> {
                    endpoint.status = Endpoint.ACTIVE;
                    endpoint.disabledReason = null;
                    endpoint.disabledAt = null;
                    endpoint.failingSince = null;
                    endpoint.updatedAt = time.now();
                }));
    }

    /** A signed test event now; what the endpoint answered. */
    public Uni<AttemptResult> test(UUID partnerId, long id) {
        return get(partnerId, id).chain(endpoint -> dispatch.sendTest(endpoint.url, "msg_test_" + UUID.randomUUID(),
                payloads.test(time.now()), secrets.signing(endpoint, time.now()), time.now()));
    }

    /** The URL's form and target, then a signed test event that must get a 2xx: else 400 with the reason. */
    private Uni<Void> checked(String url, List<String> signing) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            return Uni.createFrom().failure(refused("Invalid URL", "an absolute https URL of at most " + MAX_URL_LENGTH + " characters"));
        }
        return dispatch.vet(url)
                .onFailure(TargetRefused.class).transform(f -> refused(((TargetRefused) f).reason(), ((TargetRefused) f).detail()))
                .chain(target -> dispatch.sendTest(url, "msg_test_" + UUID.randomUUID(), payloads.test(time.now()), signing, time.now()))
                .invoke(result -> {
                    if (!result.delivered()) {
                        throw refused("Connection Error", result.httpStatus() != null
                                ? "the test event was answered " + result.httpStatus() + ", not 2xx"
                                : "the test event could not be delivered: " + result.error());
                    }
                })
                .replaceWithVoid();
    }

    private Endpoint newEndpoint(UUID partnerId) {
        Endpoint endpoint = new Endpoint();
        endpoint.partnerId = partnerId;
        endpoint.status = Endpoint.ACTIVE;
        endpoint.createdAt = time.now();
        return endpoint;
    }

    private static ApiException refused(String message, String detail) {
        return new ApiException(400, "invalid_webhook", message, List.of(new FieldError("url", detail)));
    }
}

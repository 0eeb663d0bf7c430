package com.partnerb2b.platform.ratelimit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.partnerb2b.platform.error.ErrorMappers;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Counts every authenticated request against its partner's window, answers 429 with
 * {@code Retry-After} past the limit, and sets the {@code X-RateLimit-*} headers on the response.
 */
public class RateLimitFilter {

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    private final CurrentIdentityAssociation identity;
    private final PartnerRateLimiter limiter;
    private final RateLimitConfig config;

    public RateLimitFilter(CurrentIdentityAssociation identity, PartnerRateLimiter limiter, RateLimitConfig config) {
        this.identity = identity;
        this.limiter = limiter;
        this.config = config;
    }

    @ServerRequestFilter
    public Uni<Response> count(ContainerRequestContext request) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity()
                .onFailure().recoverWithItem((SecurityIdentity) null)
                .map(who -> {
                    if (who == null || who.isAnonymous()) {
                        return null;
                    }
                    RateLimitDecision decision = limiter.consume(who.getPrincipal().getName());
                    request.setProperty(DECISION, decision);
                    if (decision.allowed()) {
                        return null;
                    }
                    Response.ResponseBuilder tooMany = Response.fromResponse(ErrorMappers.toResponse(429,
                            "rate_limited", "Too Many Requests", null))
                            .header("Retry-After", decision.retryAfterSeconds());
                    return withHeaders(tooMany, decision).build();
                });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimitDecision decision
                && !response.getHeaders().containsKey("X-RateLimit-Limit")) {
            response.getHeaders().putSingle("X-RateLimit-Limit", decision.limit());
            response.getHeaders().putSingle("X-RateLimit-Remaining", decision.remaining());
            response.getHeaders().putSingle("X-RateLimit-Reset", decision.resetEpochSecond());
        }
    }

    private static Response.ResponseBuilder withHeaders(Response.ResponseBuilder builder, RateLimitDecision decision) {
        return builder.header("X-RateLimit-Limit", decision.limit())
                .header("X-RateLimit-Remaining", decision.remaining())
                .header("X-RateLimit-Reset", decision.resetEpochSecond());
    }
}

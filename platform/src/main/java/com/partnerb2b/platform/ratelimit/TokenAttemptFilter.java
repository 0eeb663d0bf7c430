package com.partnerb2b.platform.ratelimit;

import java.lang.reflect.Method;

import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/** Counts each call of a {@link TokenAttempts} endpoint against its client address, before the body is read. */
public class TokenAttemptFilter {

    private final TokenAttemptLimiter limiter;
    private final ClientAddresses addresses;

    public TokenAttemptFilter(TokenAttemptLimiter limiter, ClientAddresses addresses) {
        this.limiter = limiter;
        this.addresses = addresses;
    }

    @ServerRequestFilter
    public void countAttempt(ResourceInfo resource, HttpServerRequest request) {
        Method method = resource.getResourceMethod();
        if (method != null && method.isAnnotationPresent(TokenAttempts.class)) {
            limiter.admitAddress(addresses.of(request));
        }
    }
}

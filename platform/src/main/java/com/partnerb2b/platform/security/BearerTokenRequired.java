package com.partnerb2b.platform.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP permission policy of the partner and operator APIs: a request goes on only with a verified
 * token. Unlike the built-in {@code authenticated} policy, a request without any token fails the
 * route (instead of getting a bare challenge), so that {@code HttpEnvelopeRoutes} answers it with the
 * same 401 envelope and {@code WWW-Authenticate: Bearer} as a request with a bad token. It runs at the
 * HTTP layer, before JAX-RS content negotiation, validation or body reading.
 */
@ApplicationScoped
public class BearerTokenRequired implements HttpSecurityPolicy {

    public static final String NAME = "bearer-token-required";

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext context) {
        return identity.onItem().transformToUni(who -> who.isAnonymous()
                ? Uni.createFrom().failure(new AuthenticationFailedException())
                : CheckResult.permit());
    }

    @Override
    public String name() {
        return NAME;
    }
}

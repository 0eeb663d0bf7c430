package com.partnerb2b.platform.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.api.RequestIds;
import com.partnerb2b.platform.error.ApiError;

import io.opentelemetry.api.trace.Span;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP-level behaviour shared by every service, below JAX-RS: the request id on every exchange, and
 * the JSON error envelope for what never reaches a resource (unknown paths, failures of the HTTP
 * layer itself).
 */
@Singleton
public class HttpEnvelopeRoutes {

    private static final Logger LOG = Logger.getLogger(HttpEnvelopeRoutes.class);
    public static final String MDC_REQUEST_ID = "request_id";
    static final String SPAN_REQUEST_ID = "partnerb2b.request_id";

    private final ObjectMapper mapper;
    private final Duration requestDeadline;

    public HttpEnvelopeRoutes(ObjectMapper mapper,
            @ConfigProperty(name = "partnerb2b.http.request-deadline", defaultValue = "30s") Duration requestDeadline) {
        this.mapper = mapper;
        this.requestDeadline = requestDeadline;
    }

    void requestId(@Observes Filters filters) {
        filters.register(rc -> {
            String id = RequestIds.resolve(rc.request().getHeader(RequestIds.HEADER));
            RequestIds.bind(id);
            MDC.put(MDC_REQUEST_ID, id);
            // The request's server span (OpenTelemetry, current here) carries the id too.
            Span.current().setAttribute(SPAN_REQUEST_ID, id);
            rc.response().putHeader(RequestIds.HEADER, id);
            rc.next();
        }, 10_000);
    }

    /**
     * The backstop behind the database timeouts: a request still unanswered at its deadline (a
     * failure lost on the way, a dependency that never answers) gets a 503 instead of holding the
     * partner's connection forever.
     */
    void deadline(@Observes Filters filters) {
        long deadlineMillis = requestDeadline.toMillis();
        filters.register(rc -> {
            long timer = rc.vertx().setTimer(deadlineMillis, ignored -> {
                if (!rc.response().ended()) {
                    LOG.errorf("%s %s unanswered after %d ms: answered 503", rc.request().method(), rc.request().path(), deadlineMillis);
                    rc.response().putHeader("Retry-After", "1");
                    write(rc, 503, "service_unavailable", "Service Unavailable");
                }
            });
            rc.addEndHandler(ignored -> rc.vertx().cancelTimer(timer));
            rc.next();
        }, 9_000);
    }

    void fallbacks(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(rc -> write(rc, 404, "not_found", "Not Found"));
        router.route().order(Integer.MAX_VALUE).failureHandler(this::failure);
    }

    private void failure(RoutingContext rc) {
        if (rc.response().ended()) {
            return;
        }
        Throwable failure = rc.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
            write(rc, 401, "authentication_error", "Authentication Error");
        } else if (failure instanceof ForbiddenException) {
            write(rc, 403, "not_allowed", "Not Allowed");
        } else if (rc.statusCode() == 503) {
            rc.response().putHeader("Retry-After", "1");
            write(rc, 503, "service_unavailable", "Service Unavailable");
        } else if (rc.statusCode() == 413) {
            write(rc, 413, "payload_too_large", "Payload Too Large");
        } else if (rc.statusCode() >= 400 && rc.statusCode() < 500) {
            write(rc, rc.statusCode(), "http_" + rc.statusCode(), "Bad Request");
        } else {
            LOG.error("Unhandled HTTP failure", failure);
            write(rc, 500, "internal_error", "Internal Error");
        }
    }

    private void write(RoutingContext rc, int status, String code, String message) {
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            rc.request().connection().close();
            return;
        }
        try {
            response.setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(mapper.writeValueAsString(ApiError.of(code, message, null)));
        } catch (JsonProcessingException e) {
            response.setStatusCode(500).end();
        }
    }
}

package com.partnerb2b.platform.ratelimit;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.partnerb2b.platform.error.ErrorMappers;

/** 429 in the error envelope, as {@link RateLimitFilter} answers it, with {@code Retry-After}. */
public class TooManyAttemptsMapper {

    @ServerExceptionMapper
    public Response tooMany(TooManyAttemptsException e) {
        return Response.fromResponse(ErrorMappers.toResponse(429, "rate_limited", "Too Many Requests", null))
                .header("Retry-After", e.retryAfterSeconds())
                .build();
    }
}

package com.partnerb2b.platform.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.partnerb2b.platform.error.ErrorMappers;
import com.partnerb2b.platform.error.FieldError;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * Only a multipart upload may be larger than {@code partnerb2b.http.json-body-limit} (1 MB): in a
 * service whose body limit is raised for its documents (profile-service, 11 MB), any other body
 * announced larger is refused 413 before it is read, as the 1 MB limit does everywhere else — and one
 * that does not announce its length (chunked) is refused 411, since it could only be counted by
 * reading it up to the raised limit. A REST filter, so that a caller without a valid token still hears
 * 401 first (the HTTP layer's check).
 */
public class JsonBodyLimitFilter {

    private final long limit;
    private final boolean lengthRequired;

    public JsonBodyLimitFilter(@ConfigProperty(name = "partnerb2b.http.json-body-limit", defaultValue = "1M") MemorySize limit,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> serverLimit) {
        this.limit = limit.asLongValue();
        this.lengthRequired = serverLimit.map(server -> server.asLongValue() > this.limit).orElse(true);
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseLargeBodies(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10)) {
            return null;
        }
        if (request.getLength() > limit) {
            return ErrorMappers.toResponse(413, "payload_too_large", "Payload Too Large", null);
        }
        if (lengthRequired && request.getLength() < 0 && isChunked(request)) {
            return ErrorMappers.toResponse(411, "length_required", "Length Required",
                    List.of(new FieldError("Content-Length", "required for a body other than a multipart upload")));
        }
        return null;
    }

    private static boolean isChunked(ContainerRequestContext request) {
        String encoding = request.getHeaderString("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }
}

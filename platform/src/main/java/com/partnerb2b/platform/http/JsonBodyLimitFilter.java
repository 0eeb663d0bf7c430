package com.partnerb2b.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.partnerb2b.platform.error.ErrorMappers;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * Only a multipart upload may be larger than {@code partnerb2b.http.json-body-limit} (1 MB): in a
 * service whose body limit is raised for its documents (profile-service, 11 MB), any other body
 * announced larger is refused 413 before it is read, as the 1 MB limit does everywhere else. A REST
 * filter, so that a caller without a valid token still hears 401 first (the HTTP layer's check).
 */
public class JsonBodyLimitFilter {

    private final long limit;

    public JsonBodyLimitFilter(@ConfigProperty(name = "partnerb2b.http.json-body-limit", defaultValue = "1M") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseLargeBodies(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (request.getLength() > limit && (type == null || !type.regionMatches(true, 0, "multipart/", 0, 10))) {
            return ErrorMappers.toResponse(413, "payload_too_large", "Payload Too Large", null);
        }
        return null;
    }
}

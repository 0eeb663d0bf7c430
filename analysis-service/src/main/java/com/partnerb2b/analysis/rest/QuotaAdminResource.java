package com.partnerb2b.analysis.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.Cancellable;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerb2b.analysis.service.QuotaService;
import com.partnerb2b.platform.api.ApiResponse;
import com.partnerb2b.platform.api.PathIds;
import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.error.FieldError;
import com.partnerb2b.platform.security.Roles;

import io.smallrye.mutiny.Uni;

/** Operators set how many analyses a partner may ask for (the existing API's limitUsage). */
@Cancellable(false)
@Path("/admin/v1/analysis-quotas")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operator: analyses")
public class QuotaAdminResource {

    static final int MAX_LIMIT = 100_000_000;

    private final QuotaService quotas;

    public QuotaAdminResource(QuotaService quotas) {
        this.quotas = quotas;
    }

    @PUT
    @Path("/{partnerId}/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a partner's analysis quota: {\"limit\": 100}, or {\"limit\": null} for unlimited")
    public Uni<ApiResponse<QuotaService.Usage>> set(@RestPath String partnerId, JsonNode body) {
        JsonNode limit = body == null || !body.isObject() ? null : body.get("limit");
        boolean valid = limit != null && (limit.isNull()
                || limit.isIntegralNumber() && limit.canConvertToInt() && limit.asInt() >= 0 && limit.asInt() <= MAX_LIMIT);
        if (!valid) {
            throw ApiException.invalidValue(List.of(new FieldError("limit", "an integer from 0 to " + MAX_LIMIT + ", or null for unlimited")));
        }
        return quotas.set(PathIds.uuid(partnerId, "Partner"), limit.isNull() ? null : limit.asInt()).map(ApiResponse::of);
    }

    @GET
    @Path("/{partnerId}/")
    @Operation(summary = "A partner's analysis quota and the analyses it has used")
    public Uni<ApiResponse<QuotaService.Usage>> get(@RestPath String partnerId) {
        return quotas.get(PathIds.uuid(partnerId, "Partner")).map(ApiResponse::of);
    }
}

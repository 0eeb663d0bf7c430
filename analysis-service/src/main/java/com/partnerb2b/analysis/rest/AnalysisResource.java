package com.partnerb2b.analysis.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.Cancellable;

import com.partnerb2b.analysis.service.AnalysisResults;
import com.partnerb2b.platform.api.ApiResponse;
import com.partnerb2b.platform.api.PathIds;
import com.partnerb2b.platform.security.Partners;
import com.partnerb2b.platform.security.Roles;

import io.smallrye.mutiny.Uni;

@Cancellable(false)
@Path("/api/v1/analyses")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analyses")
public class AnalysisResource {

    private final AnalysisResults results;
    private final JsonWebToken token;

    public AnalysisResource(AnalysisResults results, JsonWebToken token) {
        this.results = results;
        this.token = token;
    }

    @GET
    @Path("/{pk}/")
    @Operation(summary = "One analysis: status, score, grade, probability of default, decision, reasons, affordability")
    public Uni<ApiResponse<AnalysisViews.AnalysisView>> get(@RestPath String pk) {
        return results.owned(Partners.of(token), PathIds.number(pk, "Analysis"))
                .map(analysis -> ApiResponse.of(AnalysisViews.of(results.result(analysis))));
    }
}

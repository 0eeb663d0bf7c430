package com.partnerb2b.analysis.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.partnerb2b.analysis.service.AnalysisRequests;
import com.partnerb2b.analysis.service.AnalysisResults;
import com.partnerb2b.platform.api.ApiResponse;
import com.partnerb2b.platform.api.PageRequest;
import com.partnerb2b.platform.api.PathIds;
import com.partnerb2b.platform.api.RequestIds;
import com.partnerb2b.platform.security.Partners;
import com.partnerb2b.platform.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/profiles/{pk}/analyses")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Analyses")
public class ProfileAnalysesResource {

    private final AnalysisRequests requests;
    private final AnalysisResults results;
    private final JsonWebToken token;

    public ProfileAnalysesResource(AnalysisRequests requests, AnalysisResults results, JsonWebToken token) {
        this.requests = requests;
        this.results = results;
        this.token = token;
    }

    @POST
    @Path("/")
    @Operation(summary = "Ask for an analysis of a submitted profile (201, pending); scored asynchronously. "
            + "Idempotency-Key replays the first answer for 24 h")
    public Uni<Response> request(@RestPath String pk, @RestHeader("Idempotency-Key") String idempotencyKey,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        long profilePk = PathIds.number(pk, "Profile");
        return requests.request(Partners.of(token), profilePk, idempotencyKey, authorization, RequestIds.current())
                .map(requested -> Response.status(201).entity(ApiResponse.of(new AnalysisViews.RequestedView(
                        "Vous venez de faire une demande d'analyse pour le profile " + profilePk,
                        requested.analysis().id, "pending"))).build());
    }

    @GET
    @Path("/")
    @Operation(summary = "The profile's analyses, newest first (paginated)")
    public Uni<ApiResponse<List<AnalysisViews.AnalysisView>>> list(@RestPath String pk, @RestQuery String page,
            @RestQuery String limit, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        long profilePk = PathIds.number(pk, "Profile");
        PageRequest request = PageRequest.parse(page, limit);
        // No analysis of the partner's: an unknown profile and another partner's are 404, as everywhere.
        return results.ofProfile(Partners.of(token), profilePk, request)
                .call(found -> found.total() > 0 ? Uni.createFrom().voidItem()
                        : requests.ensureVisible(Partners.of(token), profilePk, authorization, RequestIds.current()))
                .map(found -> ApiResponse.page(
                found.analyses().stream().map(a -> AnalysisViews.of(results.result(a))).toList(), request, found.total()));
    }
}

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.Cancellable;

import com.partnerb2b.analysis.service.AnalysisRequests;
import com.partnerb2b.analysis.service.AnalysisResults;
import com.partnerb2b.platform.api.ApiResponse;
import com.partnerb2b.platform.api.ResponseMeta;
import com.partnerb2b.platform.api.PageRequest;
import com.partnerb2b.platform.api.PathIds;
import com.partnerb2b.platform.api.RequestIds;
import com.partnerb2b.platform.openapi.ErrorDocumentation;
import com.partnerb2b.platform.security.Partners;
import com.partnerb2b.platform.security.Roles;

import io.smallrye.mutiny.Uni;

@Cancellable(false)
@Path("/api/v1/profiles/{pk}/analyses")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Analyses")
public class ProfileAnalysesResource {

    private final AnalysisRequests requests;
    private final AnalysisResults results;
    private final JsonWebToken token;

    static final String REQUESTED_EXAMPLE = """
            {"data": {"message": "Vous venez de faire une demande d'analyse pour le profile 437", "pk": 50, "status": "pending"},
             "meta": {"timestamp": "2025-05-20T21:34:28.459388", "request_id": "355afbf3-4a8f-40fa-8077-ce998e12b328"}}""";
    static final String NOT_SUBMITTED_EXAMPLE = """
            {"error": {"code": "profile_not_submitted", "message": "Profile not submitted",
              "details": [{"field": "status", "message": "the profile is draft: submit it before asking for an analysis"}]},
             "meta": {"timestamp": "2025-05-20T21:34:28.459388", "request_id": "355afbf3-4a8f-40fa-8077-ce998e12b328"}}""";
    static final String QUOTA_EXAMPLE = """
            {"error": {"code": "quota_exceeded", "message": "Analysis quota exceeded",
              "details": [{"field": "quota", "message": "1000 of 1000 analyses used"}], "limit": 1000, "used": 1000},
             "meta": {"timestamp": "2025-05-20T21:34:28.459388", "request_id": "355afbf3-4a8f-40fa-8077-ce998e12b328"}}""";
    static final String RATE_LIMITED_EXAMPLE = """
            {"error": {"code": "rate_limited", "message": "Too Many Requests", "details": []},
             "meta": {"timestamp": "2025-05-20T21:34:28.459388", "request_id": "355afbf3-4a8f-40fa-8077-ce998e12b328"}}""";
    static final String PROFILES_AWAY_EXAMPLE = """
            {"error": {"code": "service_unavailable", "message": "Service Unavailable",
              "details": [{"field": "profile", "message": "profile-service is unavailable: retry"}]},
             "meta": {"timestamp": "2025-05-20T21:34:28.459388", "request_id": "355afbf3-4a8f-40fa-8077-ce998e12b328"}}""";

    public ProfileAnalysesResource(AnalysisRequests requests, AnalysisResults results, JsonWebToken token) {
        this.requests = requests;
        this.results = results;
        this.token = token;
    }

    @POST
    @Path("/")
    @Operation(summary = "Ask for an analysis of a submitted profile (201, pending); scored asynchronously. "
            + "Idempotency-Key replays the first answer for 24 h")
    @APIResponse(responseCode = "201", description = "Asked for; poll GET /api/v1/analyses/{pk}/ or wait for the webhook",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(properties = { @SchemaProperty(name = "data", implementation = AnalysisViews.RequestedView.class),
                    @SchemaProperty(name = "meta", implementation = ResponseMeta.class) }),
                    examples = @ExampleObject(name = "seed", value = REQUESTED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The profile is a draft: submit it first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ErrorDocumentation.ERROR_SCHEMA),
            examples = @ExampleObject(name = "not submitted", value = NOT_SUBMITTED_EXAMPLE)))
    @APIResponse(responseCode = "429", description = "The partner's analysis quota is used up (`limit`, `used`), or the rate limit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ErrorDocumentation.ERROR_SCHEMA),
                    examples = { @ExampleObject(name = "quota", value = QUOTA_EXAMPLE),
                            @ExampleObject(name = "rate limit", value = RATE_LIMITED_EXAMPLE) }))
    @APIResponse(responseCode = "503", description = "profile-service, which says which submission of the profile is current, "
            + "cannot be asked: retry after `Retry-After`", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = ErrorDocumentation.ERROR_SCHEMA), examples = @ExampleObject(name = "profiles away",
                    value = PROFILES_AWAY_EXAMPLE)))
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

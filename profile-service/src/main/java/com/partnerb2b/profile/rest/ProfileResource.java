package com.partnerb2b.profile.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.Cancellable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.security.Partners;
import com.partnerb2b.platform.api.ApiResponse;
import com.partnerb2b.platform.api.ResponseMeta;
import com.partnerb2b.platform.api.PathIds;
import com.partnerb2b.platform.api.PageRequest;
import com.partnerb2b.platform.openapi.ErrorDocumentation;
import com.partnerb2b.platform.security.Roles;
import com.partnerb2b.profile.service.IdempotentCreation;
import com.partnerb2b.profile.service.ProfileService;

import io.smallrye.mutiny.Uni;

@Cancellable(false)
@Path("/api/v1/profiles")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Profils")
public class ProfileResource {

    static final String CREATE_EXAMPLE = """
            {"attributes": {"lastname": "Dupont", "firstname": "Marie", "email": "marie.dupont@example.fr",
             "phone_number": "06 12 34 56 78", "birth_date": "1988-04-12", "delivery_address1": "12 rue de la Paix",
             "monthly_income": 2800, "monthly_charges": 900, "family_situation": "marié_pacsé",
             "means_of_movement": ["vélo", "auto"]}, "externalReference": "CLIENT-42"}""";
    static final String CREATED_EXAMPLE = """
            {"data": {"pk": 446, "status": "draft", "submissionId": null, "createdAt": "2025-05-20T09:27:59.193674Z",
              "updatedAt": "2025-05-20T09:27:59.193674Z", "externalReference": "CLIENT-42",
              "profileattribute_set": [{"attribute": {"name": "lastname"}, "value": "Dupont"},
                                       {"attribute": {"name": "family_situation"}, "value": "marié_pacsé"}]},
             "meta": {"timestamp": "2025-05-20T09:28:00.064073", "request_id": "32f449be-62e9-4747-a7d4-16385e07fb8d"}}""";
    static final String INVALID_VALUES_EXAMPLE = """
            {"error": {"code": "choice_does_not_exist", "message": "Choice does not exist.",
              "details": [{"field": "family_situation", "message": "Choice does not exist."},
                          {"field": "email", "message": "Regex match invalid"}]},
             "meta": {"timestamp": "2025-05-20T09:28:00.064073", "request_id": "32f449be-62e9-4747-a7d4-16385e07fb8d"}}""";
    static final String UNKNOWN_ATTRIBUTE_EXAMPLE = """
            {"error": {"code": "attribute_not_found", "message": "Attribute Not Found",
              "details": [{"field": "favourite_colour", "message": "Attribute Not Found"}]},
             "meta": {"timestamp": "2025-05-20T09:28:00.064073", "request_id": "32f449be-62e9-4747-a7d4-16385e07fb8d"}}""";
    static final String INCOMPLETE_EXAMPLE = """
            {"error": {"code": "missing_required_attributes", "message": "Missing required attributes.",
              "details": [{"field": "bank_statement", "message": "Missing required attributes."}], "completion": 92},
             "meta": {"timestamp": "2025-05-20T21:32:56.215846", "request_id": "3bbbf338-e6d2-43ec-95de-e73e8a844af0"}}""";
    static final String SUBMITTED_EXAMPLE = """
            {"data": {"status": "Complet", "message": "Ce profil est complet et prêt pour analyse."},
             "meta": {"timestamp": "2025-05-20T21:32:56.215846", "request_id": "3bbbf338-e6d2-43ec-95de-e73e8a844af0"}}""";

    private final ProfileService profiles;
    private final IdempotentCreation creation;
    private final JsonWebToken token;
    private final ObjectMapper mapper;

    public ProfileResource(ProfileService profiles, IdempotentCreation creation, JsonWebToken token, ObjectMapper mapper) {
        this.profiles = profiles;
        this.creation = creation;
        this.token = token;
        this.mapper = mapper;
    }

    public record SubmitView(String status, String message) {
    }

    public record MessageView(String message) {
    }

    @POST
    @Path("/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a profile (201); Idempotency-Key replays the first answer for 24 h")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProfileRequests.Body.class), examples = @ExampleObject(name = "seed", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created (a draft)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(properties = { @SchemaProperty(name = "data", implementation = ProfileViews.ProfileView.class),
                    @SchemaProperty(name = "meta", implementation = ResponseMeta.class) }), examples = @ExampleObject(name = "seed", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A value does not fit its attribute (`Choice does not exist.`, `Choice must be unique`, "
            + "`Regex match invalid`, `Type Error`, `Invalid value`, `Invalid length`, `Invalid date`), every bad field in `details`; "
            + "the message is the first error's", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = ErrorDocumentation.ERROR_SCHEMA), examples = @ExampleObject(name = "invalid", value = INVALID_VALUES_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "An attribute name the catalogue does not have", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ErrorDocumentation.ERROR_SCHEMA),
            examples = @ExampleObject(name = "unknown attribute", value = UNKNOWN_ATTRIBUTE_EXAMPLE)))
    public Uni<Response> create(String body, @RestHeader("Idempotency-Key") String idempotencyKey) throws JsonProcessingException {
        UUID partner = Partners.of(token);
        ProfileService.Changes request = ProfileRequests.changes(mapper, body, true);
        return creation.create(partner, idempotencyKey, body, request, snapshot -> ApiResponse.of(ProfileViews.summary(snapshot)))
                .map(answer -> Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build());
    }

    @GET
    @Path("/")
    @Operation(summary = "The partner's profiles, newest first; filters status, externalReference, createdAfter, createdBefore")
    public Uni<ApiResponse<List<ProfileViews.ProfileView>>> list(@RestQuery String page, @RestQuery String limit,
            @RestQuery String status, @RestQuery String externalReference, @RestQuery String createdAfter,
            @RestQuery String createdBefore) {
        PageRequest request = PageRequest.parse(page, limit);
        var filter = ProfileRequests.filter(status, externalReference, createdAfter, createdBefore);
        return profiles.list(Partners.of(token), filter, request).map(result -> ApiResponse.page(
                result.profiles().stream().map(ProfileViews::summary).toList(), request, result.total()));
    }

    @GET
    @Path("/{pk}/")
    @Operation(summary = "One profile with its documents and latest analysis")
    public Uni<ApiResponse<ProfileViews.ProfileDetailView>> get(@RestPath String pk) {
        return profiles.get(Partners.of(token), PathIds.number(pk, "Profile")).map(s -> ApiResponse.of(ProfileViews.detail(s)));
    }

    @PATCH
    @Path("/{pk}/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the given attributes (a list replaces the previous values; null removes)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProfileRequests.Body.class)))
    public Uni<ApiResponse<ProfileViews.ProfileDetailView>> patch(@RestPath String pk, String body) throws JsonProcessingException {
        return update(pk, body, false);
    }

    @PUT
    @Path("/{pk}/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace every attribute of the profile")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProfileRequests.Body.class)))
    public Uni<ApiResponse<ProfileViews.ProfileDetailView>> put(@RestPath String pk, String body) throws JsonProcessingException {
        return update(pk, body, true);
    }

    @DELETE
    @Path("/{pk}/")
    @Operation(summary = "Delete the profile and erase its values and documents")
    public Uni<ApiResponse<MessageView>> delete(@RestPath String pk) {
        return profiles.delete(Partners.of(token), PathIds.number(pk, "Profile"))
                .map(ignored -> ApiResponse.of(new MessageView("Le profil a bien été supprimé.")));
    }

    @POST
    @Path("/{pk}/submit/")
    @Operation(summary = "Submit a complete profile for analysis (publishes profile-submitted)")
    @APIResponse(responseCode = "200", description = "Complete and ready for analysis", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(properties = { @SchemaProperty(name = "data", implementation = SubmitView.class),
                    @SchemaProperty(name = "meta", implementation = ResponseMeta.class) }),
            examples = @ExampleObject(name = "seed", value = SUBMITTED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Something required is missing: one `details` entry per missing attribute or "
            + "document, `completion` in percent", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = ErrorDocumentation.ERROR_SCHEMA), examples = @ExampleObject(name = "incomplete", value = INCOMPLETE_EXAMPLE)))
    public Uni<ApiResponse<SubmitView>> submit(@RestPath String pk) {
        return profiles.submit(Partners.of(token), PathIds.number(pk, "Profile"))
                .map(ignored -> ApiResponse.of(new SubmitView("Complet", ProfileService.COMPLETE_MESSAGE)));
    }

    private Uni<ApiResponse<ProfileViews.ProfileDetailView>> update(String pk, String body, boolean replaceAll)
            throws JsonProcessingException {
        UUID partner = Partners.of(token);
        Long id = PathIds.number(pk, "Profile");
        ProfileService.Changes changes = ProfileRequests.changes(mapper, body, replaceAll);
        return profiles.update(partner, id, changes, replaceAll).map(s -> ApiResponse.of(ProfileViews.detail(s)));
    }
}

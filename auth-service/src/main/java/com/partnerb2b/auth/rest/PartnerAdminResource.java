package com.partnerb2b.auth.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.Cancellable;

import com.partnerb2b.auth.repository.PartnerStatus;
import com.partnerb2b.auth.service.PartnerService;
import com.partnerb2b.platform.api.ApiResponse;
import com.partnerb2b.platform.api.ResponseMeta;
import com.partnerb2b.platform.api.PageRequest;
import com.partnerb2b.platform.api.PathIds;
import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.error.FieldError;
import com.partnerb2b.platform.security.Roles;

import io.smallrye.mutiny.Uni;

/** Operator API ("faire une demande auprès d'Alberture"): partners and their API keys. */
@Cancellable(false)
@Path("/admin/v1/partners")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Operator: partners")
public class PartnerAdminResource {

    private final PartnerService partners;

    public PartnerAdminResource(PartnerService partners) {
        this.partners = partners;
    }

    @POST
    @Path("/")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Create a partner (status pending)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(properties = { @SchemaProperty(name = "data", implementation = PartnerView.class),
                    @SchemaProperty(name = "meta", implementation = ResponseMeta.class) })))
    public Uni<ApiResponse<PartnerView>> create(@Valid @NotNull CreatePartnerRequest body) {
        return partners.create(body.name()).map(p -> ApiResponse.of(PartnerView.of(p)));
    }

    @GET
    @Path("/")
    @Operation(summary = "List partners, paginated, optionally by status")
    public Uni<ApiResponse<List<PartnerView>>> list(@RestQuery String page, @RestQuery String limit,
            @RestQuery String status) {
        PageRequest request = PageRequest.parse(page, limit);
        PartnerStatus filter = status == null ? null
                : PartnerStatus.parse(status).orElseThrow(() -> ApiException.invalidValue(
                        List.of(new FieldError("status", "one of pending, active, suspended"))));
        return partners.list(filter, request).map(result -> ApiResponse.page(
                result.partners().stream().map(PartnerView::of).toList(), request, result.total()));
    }

    @GET
    @Path("/{pk}/")
    @Operation(summary = "One partner")
    public Uni<ApiResponse<PartnerView>> get(@RestPath String pk) {
        return partners.get(partnerId(pk)).map(p -> ApiResponse.of(PartnerView.of(p)));
    }

    @POST
    @Path("/{pk}/activate/")
    @Operation(summary = "Activate a partner: its tokens then carry the partner group")
    public Uni<ApiResponse<PartnerView>> activate(@RestPath String pk) {
        return partners.changeStatus(partnerId(pk), PartnerStatus.ACTIVE).map(p -> ApiResponse.of(PartnerView.of(p)));
    }

    @POST
    @Path("/{pk}/suspend/")
    @Operation(summary = "Suspend a partner: no new tokens (403)")
    public Uni<ApiResponse<PartnerView>> suspend(@RestPath String pk) {
        return partners.changeStatus(partnerId(pk), PartnerStatus.SUSPENDED).map(p -> ApiResponse.of(PartnerView.of(p)));
    }

    @POST
    @Path("/{pk}/api-keys/")
    @ResponseStatus(201)
    @Operation(summary = "Issue an API key: the only answer that shows it")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(properties = { @SchemaProperty(name = "data", implementation = ApiKeyView.class),
                    @SchemaProperty(name = "meta", implementation = ResponseMeta.class) })))
    public Uni<ApiResponse<ApiKeyView>> createKey(@RestPath String pk) {
        return partners.createKey(partnerId(pk)).map(created -> ApiResponse.of(ApiKeyView.created(created.key(), created.apiKey())));
    }

    @GET
    @Path("/{pk}/api-keys/")
    @Operation(summary = "A partner's API keys (ids and dates, never the secret)")
    public Uni<ApiResponse<List<ApiKeyView>>> keys(@RestPath String pk) {
        return partners.keys(partnerId(pk)).map(keys -> ApiResponse.of(keys.stream().map(ApiKeyView::of).toList()));
    }

    @DELETE
    @Path("/{pk}/api-keys/{keyId}/")
    @Operation(summary = "Revoke an API key and every refresh token issued from it")
    public Uni<ApiResponse<ApiKeyView>> revokeKey(@RestPath String pk, @RestPath String keyId) {
        return partners.revokeKey(partnerId(pk), keyId).map(key -> ApiResponse.of(ApiKeyView.of(key)));
    }

    private static UUID partnerId(String pk) {
        return PathIds.uuid(pk, "Partner");
    }
}

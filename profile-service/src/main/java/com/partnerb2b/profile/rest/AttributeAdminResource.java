package com.partnerb2b.profile.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.Cancellable;

import com.partnerb2b.platform.api.ApiResponse;
import com.partnerb2b.platform.security.Roles;
import com.partnerb2b.profile.service.CatalogueAdminService;
import com.partnerb2b.profile.service.CatalogueService;

import io.smallrye.mutiny.Uni;

/** Operator API: extend the attribute catalogue. */
@Cancellable(false)
@Path("/admin/v1/attributes")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Operator: catalogue")
public class AttributeAdminResource {

    private final CatalogueAdminService admin;
    private final CatalogueService catalogues;

    public AttributeAdminResource(CatalogueAdminService admin, CatalogueService catalogues) {
        this.admin = admin;
        this.catalogues = catalogues;
    }

    @POST
    @Path("/")
    @ResponseStatus(201)
    @Operation(summary = "Add an attribute (with its choices) to the catalogue")
    public Uni<ApiResponse<AttributeView>> add(@Valid @NotNull NewAttributeRequest body) {
        return admin.add(body).invoke(catalogues::invalidate).chain(this::view);
    }

    @POST
    @Path("/{name}/choices/")
    @ResponseStatus(201)
    @Operation(summary = "Add a choice to a choice attribute")
    public Uni<ApiResponse<AttributeView>> addChoice(@RestPath String name, @Valid @NotNull NewChoiceRequest body) {
        return admin.addChoice(name, body).invoke(catalogues::invalidate).chain(this::view);
    }

    private Uni<ApiResponse<AttributeView>> view(com.partnerb2b.profile.repository.Attribute attribute) {
        return catalogues.current().map(catalogue -> ApiResponse.of(AttributeView.of(
                catalogue.named(attribute.name).orElse(attribute), catalogue)));
    }
}

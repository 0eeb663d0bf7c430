package com.partnerb2b.profile.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnerb2b.platform.api.ApiResponse;
import com.partnerb2b.platform.security.Roles;
import com.partnerb2b.profile.repository.Attribute;
import com.partnerb2b.profile.service.CatalogueService;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/metadata")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Liste des attributs")
public class MetadataResource {

    private final CatalogueService catalogues;

    public MetadataResource(CatalogueService catalogues) {
        this.catalogues = catalogues;
    }

    @GET
    @Path("/")
    @Operation(summary = "The attribute catalogue, grouped by category")
    public Uni<ApiResponse<Map<String, List<AttributeView>>>> catalogue() {
        return catalogues.current().map(catalogue -> {
            Map<String, List<AttributeView>> byCategory = new LinkedHashMap<>();
            for (Attribute attribute : catalogue.attributes()) {
                byCategory.computeIfAbsent(attribute.category, c -> new java.util.ArrayList<>())
                        .add(AttributeView.of(attribute, catalogue));
            }
            return ApiResponse.of(byCategory);
        });
    }
}

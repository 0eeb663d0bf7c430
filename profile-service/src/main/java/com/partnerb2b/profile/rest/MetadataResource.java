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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    static final String SEED_EXAMPLE = """
            {"data": {"family situation": [{"pk": 91, "name": "family_situation", "displayedName": "Situation familiale",
              "type": "choice", "isRequired": false, "validation": null, "sensitiveData": false,
              "attributechoice_set": [{"displayedName": "célibataire"}, {"displayedName": "marié_pacsé"},
                                      {"displayedName": "séparé_divorcé"}],
              "maxLength": 0, "minLength": 0, "maxValue": 9.223372036854776e+18, "minValue": -9.223372036854776e+18,
              "isEqualTo": null, "maxDate": null, "minDate": null, "maxSize": null, "acceptedFormat": null}],
             "documents": [{"pk": 100, "name": "bank_statement", "displayedName": "Relevé bancaire", "type": "file",
              "isRequired": false, "validation": null, "sensitiveData": true, "attributechoice_set": [],
              "maxLength": 0, "minLength": 0, "maxValue": 9.223372036854776e+18, "minValue": -9.223372036854776e+18,
              "isEqualTo": null, "maxDate": null, "minDate": null, "maxSize": 10485760, "acceptedFormat": "pdf"}]},
             "meta": {"timestamp": "2025-05-20T13:27:25.746149", "request_id": "7ad6fbda-e35a-45d8-b983-fde90770b092"}}""";

    @GET
    @Path("/")
    @Operation(summary = "The attribute catalogue, grouped by category")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "seed", value = SEED_EXAMPLE)))
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

package com.partnerb2b.profile.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.api.ResponseMeta;
import com.partnerb2b.platform.security.Roles;
import com.partnerb2b.profile.service.CatalogueService;

import io.quarkus.vertx.http.Compressed;
import io.smallrye.mutiny.Uni;

@Cancellable(false)
@Path("/api/v1/metadata")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Liste des attributs")
@Singleton
public class MetadataResource {

    /** How long a partner may reuse its copy without asking (a catalogue change shows within this). */
    static final int CACHE_SECONDS = 60;

    private final CatalogueService catalogues;
    private final ObjectMapper mapper;
    private volatile RenderedCatalogue rendered;

    public MetadataResource(CatalogueService catalogues, ObjectMapper mapper) {
        this.catalogues = catalogues;
        this.mapper = mapper;
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
    @Compressed
    @Operation(summary = "The attribute catalogue, grouped by category",
            description = "Sent with an ETag: a request with If-None-Match naming it is answered 304 while the catalogue is unchanged.")
    @APIResponse(responseCode = "200", description = "Attributes by category, each in the seed's shape", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "seed", value = SEED_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Uni<Response> catalogue(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return catalogues.current().map(catalogue -> {
            RenderedCatalogue current = rendered;
            if (current == null || current.source() != catalogue) {
                current = RenderedCatalogue.of(catalogue, mapper);
                rendered = current;
            }
            Response.ResponseBuilder answer = current.matches(ifNoneMatch) ? Response.notModified()
                    : Response.ok(envelope(current), MediaType.APPLICATION_JSON_TYPE);
            return answer.tag(new EntityTag(current.etag()))
                    .header(HttpHeaders.CACHE_CONTROL, "private, max-age=" + CACHE_SECONDS)
                    .header(HttpHeaders.VARY, "Authorization, Accept-Encoding")
                    .build();
        });
    }

    /** The envelope around the pre-serialised data: only {@code meta} is written per request. */
    private String envelope(RenderedCatalogue catalogue) {
        try {
            return "{\"data\":" + catalogue.dataJson() + ",\"meta\":" + mapper.writeValueAsString(ResponseMeta.now()) + "}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.partnerb2b.profile.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.Cancellable;

import com.partnerb2b.platform.security.Partners;
import com.partnerb2b.platform.api.ApiResponse;
import com.partnerb2b.platform.api.ResponseMeta;
import com.partnerb2b.platform.api.PathIds;
import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.error.FieldError;
import com.partnerb2b.platform.openapi.ErrorDocumentation;
import com.partnerb2b.platform.security.Roles;
import com.partnerb2b.profile.service.DocumentService;

import io.smallrye.mutiny.Uni;

/** Documents of one profile (the path is under the profile so that it outranks the profile resource). */
@Cancellable(false)
@Path("/api/v1/profiles/{pk}/documents")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentResource {

    private final DocumentService documents;
    private final JsonWebToken token;

    public DocumentResource(DocumentService documents, JsonWebToken token) {
        this.documents = documents;
        this.token = token;
    }

    @POST
    @Path("/")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @ResponseStatus(201)
    @Operation(summary = "Upload a document (form-data: file, attribute); replaces the attribute's previous one",
            description = "The file's real type is read from its bytes and checked against the attribute's `acceptedFormat`; "
                    + "PDFs must parse; at most the attribute's `maxSize` (10 MB by default).")
    @APIResponse(responseCode = "201", description = "Stored (encrypted)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(properties = { @SchemaProperty(name = "data", implementation = ProfileViews.DocumentView.class),
                    @SchemaProperty(name = "meta", implementation = ResponseMeta.class) })))
    @APIResponse(responseCode = "400", description = "`file` or `attribute` missing, not a document attribute (`Type Error`), "
            + "or bytes that are not of an accepted format", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = ErrorDocumentation.ERROR_SCHEMA), examples = @ExampleObject(name = "format", value = """
                    {"error": {"code": "invalid_file_format", "message": "Invalid file format",
                      "details": [{"field": "file", "message": "expected pdf, got image/png"}]},
                     "meta": {"timestamp": "2025-05-20T09:30:00.064073", "request_id": "32f449be-62e9-4747-a7d4-16385e07fb8d"}}""")))
    @APIResponse(responseCode = "413", description = "Larger than the attribute's `maxSize`", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ErrorDocumentation.ERROR_SCHEMA),
            examples = @ExampleObject(name = "too large", value = """
                    {"error": {"code": "payload_too_large", "message": "File too large",
                      "details": [{"field": "file", "message": "at most 10485760 bytes"}]},
                     "meta": {"timestamp": "2025-05-20T09:30:00.064073", "request_id": "32f449be-62e9-4747-a7d4-16385e07fb8d"}}""")))
    public Uni<ApiResponse<ProfileViews.DocumentView>> upload(@RestPath String pk, @RestForm("file") FileUpload file,
            @RestForm("attribute") String attribute) {
        Long profileId = PathIds.number(pk, "Profile");
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.invalidValue(List.of(new FieldError("file", "required")));
        }
        if (attribute == null || attribute.isBlank()) {
            throw ApiException.invalidValue(List.of(new FieldError("attribute", "required")));
        }
        return documents.upload(Partners.of(token), profileId, attribute, file.fileName(), file.uploadedFile(), file.size())
                .map(document -> ApiResponse.of(ProfileViews.document(document)));
    }

    @GET
    @Path("/")
    @Operation(summary = "The profile's documents")
    public Uni<ApiResponse<List<ProfileViews.DocumentView>>> list(@RestPath String pk) {
        return documents.ofProfile(Partners.of(token), PathIds.number(pk, "Profile"))
                .map(list -> ApiResponse.of(list.stream().map(ProfileViews::document).toList()));
    }
}

package com.partnerb2b.profile.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.Cancellable;

import com.partnerb2b.platform.security.Partners;
import com.partnerb2b.platform.api.ApiResponse;
import com.partnerb2b.platform.api.PathIds;
import com.partnerb2b.platform.security.Roles;
import com.partnerb2b.profile.service.DocumentService;

import io.smallrye.mutiny.Uni;

/** A document by its own pk: metadata and content, for its owner only. */
@Cancellable(false)
@Path("/api/v1/documents")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentFileResource {

    private final DocumentService documents;
    private final JsonWebToken token;

    public DocumentFileResource(DocumentService documents, JsonWebToken token) {
        this.documents = documents;
        this.token = token;
    }

    @GET
    @Path("/{pk}/")
    @Operation(summary = "A document's metadata")
    public Uni<ApiResponse<ProfileViews.DocumentView>> get(@RestPath String pk) {
        return documents.get(Partners.of(token), PathIds.number(pk, "Document")).map(d -> ApiResponse.of(ProfileViews.document(d)));
    }

    @GET
    @Path("/{pk}/content/")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The document itself (owner only)")
    @APIResponse(responseCode = "200", description = "The bytes as uploaded, with their detected type, as an attachment",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> content(@RestPath String pk) {
        return documents.download(Partners.of(token), PathIds.number(pk, "Document")).map(download -> Response.ok(download.content())
                .type(download.document().contentType)
                .header("Content-Disposition", "attachment; filename=\"" + download.document().filename + "\"")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build());
    }
}

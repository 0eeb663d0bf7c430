package com.partnerb2b.auth.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import com.partnerb2b.auth.service.PublishedKeys;

/** The token verification keys, as a standard JWKS document (not wrapped in the envelope). */
@Cancellable(false)
@Path("/")
@PermitAll
@Tag(name = "Authentification")
public class JwksResource {

    private final PublishedKeys keys;

    public JwksResource(PublishedKeys keys) {
        this.keys = keys;
    }

    @GET
    @Path("/api/v1/auth/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Public keys that verify PartnerB2B tokens (JWKS)")
    @APIResponse(responseCode = "200", description = "A JWK Set (RFC 7517), ES256 keys with their `kid`; cacheable 5 minutes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "keys")))
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.jwks()).cacheControl(cache).build();
    }

    @GET
    @Path("/.well-known/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Same as /api/v1/auth/jwks.json")
    @APIResponse(responseCode = "200", description = "A JWK Set (RFC 7517)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "keys")))
    public Response wellKnown() {
        return jwks();
    }
}

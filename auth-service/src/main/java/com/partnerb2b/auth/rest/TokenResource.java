package com.partnerb2b.auth.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import com.partnerb2b.auth.service.TokenService;
import com.partnerb2b.platform.api.ApiResponse;
import com.partnerb2b.platform.api.ResponseMeta;
import com.partnerb2b.platform.openapi.ErrorDocumentation;
import com.partnerb2b.platform.ratelimit.TokenAttempts;
import com.partnerb2b.platform.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Cancellable(false)
@Path("/api/v1/auth/token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentification")
public class TokenResource {

    private final TokenService tokens;
    private final SecurityIdentity identity;

    public TokenResource(TokenService tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    static final String TOKEN_EXAMPLE = """
            {"data": {"access": "eyJraWQiOi…", "refresh": "eyJraWQiOi…", "access_expire": "2025-05-20T13:08:18",
              "refesh_expire": "2025-05-27T12:08:18", "refresh_expire": "2025-05-27T12:08:18"},
             "meta": {"timestamp": "2025-05-20T12:08:18.338840", "request_id": "84455385-e154-4908-94ff-05aa8560b5b8"}}""";
    static final String REFRESH_EXAMPLE = """
            {"data": {"access": "eyJraWQiOi…", "access_expires": "2025-05-20T13:34:27", "access_expire": "2025-05-20T13:34:27"},
             "meta": {"timestamp": "2025-05-20T12:34:27.372911", "request_id": "387b9e56-b55f-4223-8ba5-86f496154674"}}""";

    @POST
    @Path("/")
    @PermitAll
    @TokenAttempts
    @Operation(summary = "API key → access token (1 h) and refresh token (1 week)",
            description = "The seed's misspelled `refesh_expire` is sent beside `refresh_expire`. A wrong or revoked key is 401, "
                    + "a suspended partner 403, more than 30 attempts in 10 s from one address or for one key 429.")
    @APIResponse(responseCode = "200", description = "Tokens", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(properties = { @SchemaProperty(name = "data", implementation = TokenPairView.class),
                    @SchemaProperty(name = "meta", implementation = ResponseMeta.class) }), examples = @ExampleObject(name = "seed", value = TOKEN_EXAMPLE)))
    @APIResponse(responseCode = "401", ref = ErrorDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ErrorDocumentation.FORBIDDEN)
    @APIResponse(responseCode = "429", ref = ErrorDocumentation.TOO_MANY_REQUESTS)
    public Uni<ApiResponse<TokenPairView>> token(@Valid @NotNull TokenRequest body) {
        return tokens.issue(body.apiKey()).map(issued -> ApiResponse.of(TokenPairView.of(issued)));
    }

    @POST
    @Path("/refresh/")
    @PermitAll
    @TokenAttempts
    @Operation(summary = "Refresh token → new access token",
            description = "Only `refresh` is read (not the outline's `refresg`); `access_expires` (seed) and `access_expire` are both sent.")
    @APIResponse(responseCode = "200", description = "New access token", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(properties = { @SchemaProperty(name = "data", implementation = RefreshedAccessView.class),
                    @SchemaProperty(name = "meta", implementation = ResponseMeta.class) }), examples = @ExampleObject(name = "seed", value = REFRESH_EXAMPLE)))
    @APIResponse(responseCode = "401", ref = ErrorDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ErrorDocumentation.FORBIDDEN)
    @APIResponse(responseCode = "429", ref = ErrorDocumentation.TOO_MANY_REQUESTS)
    public Uni<ApiResponse<RefreshedAccessView>> refresh(@Valid @NotNull RefreshRequest body) {
        return tokens.refresh(body.refresh()).map(access -> ApiResponse.of(RefreshedAccessView.of(access)));
    }

    @POST
    @Path("/revoke/")
    @RolesAllowed({ Roles.PARTNER, Roles.OPERATOR })
    @Operation(summary = "Revoke one of the caller's refresh tokens (RFC 7009: 200 even if unknown)")
    public Uni<ApiResponse<MessageView>> revoke(@Valid @NotNull RevokeRequest body) {
        return tokens.revoke(body.token(), identity.getPrincipal().getName())
                .map(ignored -> ApiResponse.of(new MessageView("Le token a été révoqué.")));
    }
}

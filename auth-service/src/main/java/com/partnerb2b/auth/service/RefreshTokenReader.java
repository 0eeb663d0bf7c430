package com.partnerb2b.auth.service;

import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.auth.config.JwtSettings;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a refresh token exactly as services verify access tokens (published keys, pinned
 * algorithm, issuer, expiry) but against the refresh audience, and requires {@code token_use=refresh}.
 */
@ApplicationScoped
public class RefreshTokenReader {

    public static final String TOKEN_USE = "token_use";
    public static final String API_KEY_ID = "api_key_id";

    private final JWTParser parser;
    private final JWTAuthContextInfo refreshContext;
    private final ObjectMapper mapper;

    public RefreshTokenReader(JWTParser parser, JWTAuthContextInfo accessContext, JwtSettings settings,
            ObjectMapper mapper) {
        this.parser = parser;
        this.mapper = mapper;
        this.refreshContext = new JWTAuthContextInfo(accessContext);
        this.refreshContext.setExpectedAudience(Set.of(settings.refreshAudience()));
    }

    public Optional<JsonWebToken> read(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonWebToken jwt = parser.parse(token, refreshContext);
            if (!"refresh".equals(jwt.getClaim(TOKEN_USE)) || jwt.getClaim(API_KEY_ID) == null
                    || jwt.getTokenID() == null) {
                return Optional.empty();
            }
            return Optional.of(jwt);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The API key id a refresh token claims (its subject if it names none), read WITHOUT verifying
     * the token: only to count attempts per key before spending a signature verification on it.
     */
    public Optional<String> claimedKeyId(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode keyId = claims.hasNonNull(API_KEY_ID) ? claims.get(API_KEY_ID) : claims.path("sub");
            return keyId.isTextual() ? Optional.of(keyId.asText()) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }
}

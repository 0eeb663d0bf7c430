package com.partnerb2b.auth.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.auth.config.JwtSettings;
import com.partnerb2b.platform.time.TimeSource;

/** Builds and signs the access and refresh tokens of a subject. */
@ApplicationScoped
public class TokenMinter {

    private final TokenSigner signer;
    private final JwtSettings settings;
    private final TimeSource time;

    public TokenMinter(TokenSigner signer, JwtSettings settings, TimeSource time) {
        this.signer = signer;
        this.settings = settings;
        this.time = time;
    }

    public record Access(String token, Instant expiresAt) {
    }

    public Access access(String subject, String group) {
        Instant now = time.now();
        Instant expiresAt = now.plus(settings.accessTokenLifetime());
        Map<String, Object> claims = claims(settings.audience(), subject, now, expiresAt, "access");
        claims.put("upn", subject);
        claims.put("groups", List.of(group));
        return new Access(signer.sign(claims), expiresAt);
    }

    public IssuedTokens pair(String subject, String group, String apiKeyId) {
        Access access = access(subject, group);
        Instant now = time.now();
        Instant refreshExpiresAt = now.plus(settings.refreshTokenLifetime());
        Map<String, Object> claims = claims(settings.refreshAudience(), subject, now, refreshExpiresAt, "refresh");
        claims.put(RefreshTokenReader.API_KEY_ID, apiKeyId);
        return new IssuedTokens(access.token(), access.expiresAt(), signer.sign(claims), refreshExpiresAt);
    }

    private Map<String, Object> claims(String audience, String subject, Instant issuedAt, Instant expiresAt, String use) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", settings.issuer());
        claims.put("aud", audience);
        claims.put("sub", subject);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put(RefreshTokenReader.TOKEN_USE, use);
        return claims;
    }
}

package com.partnerb2b.auth.service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.auth.config.JwtSettings;
import com.partnerb2b.platform.time.TimeSource;

import io.smallrye.jwt.build.Jwt;

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
        String token = signer.sign(Jwt.issuer(settings.issuer())
                .audience(settings.audience())
                .subject(subject)
                .upn(subject)
                .groups(Set.of(group))
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString())
                .claim(RefreshTokenReader.TOKEN_USE, "access"));
        return new Access(token, expiresAt);
    }

    public IssuedTokens pair(String subject, String group, String apiKeyId) {
        Access access = access(subject, group);
        Instant now = time.now();
        Instant refreshExpiresAt = now.plus(settings.refreshTokenLifetime());
        String refresh = signer.sign(Jwt.issuer(settings.issuer())
                .audience(settings.refreshAudience())
                .subject(subject)
                .issuedAt(now)
                .expiresAt(refreshExpiresAt)
                .claim("jti", UUID.randomUUID().toString())
                .claim(RefreshTokenReader.TOKEN_USE, "refresh")
                .claim(RefreshTokenReader.API_KEY_ID, apiKeyId));
        return new IssuedTokens(access.token(), access.expiresAt(), refresh, refreshExpiresAt);
    }
}

package com.partnerb2b.auth.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "partnerb2b.jwt")
public interface JwtSettings {

    @WithDefault("https://auth.partnerb2b.local")
    String issuer();

    /** Audience of access tokens: what every service verifies. */
    @WithDefault("partnerb2b-api")
    String audience();

    /** Audience of refresh tokens, so that no service accepts one as an access token. */
    @WithDefault("partnerb2b-refresh")
    String refreshAudience();

    /** {@code kid} of the signing key; must be one of the keys of the published JWKS. */
    String signingKeyId();

    /** PEM (PKCS#8) EC P-256 private key: a file path, or {@code classpath:}. */
    String signingKeyLocation();

    @WithDefault("PT1H")
    Duration accessTokenLifetime();

    @WithDefault("P7D")
    Duration refreshTokenLifetime();
}

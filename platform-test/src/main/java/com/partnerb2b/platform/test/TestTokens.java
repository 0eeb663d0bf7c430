package com.partnerb2b.platform.test;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Access tokens signed with the test key pair ({@code partnerb2b-test/test-jwks.json}), which every
 * service under test trusts, so that a service's tests need no running auth-service.
 */
public final class TestTokens {

    public static final String ISSUER = "https://auth.partnerb2b.local";
    public static final String AUDIENCE = "partnerb2b-api";
    public static final String KEY_ID = "G_VaPgY_tYWasFB1YkVjkDjDad2QTYj8qEHf2buTeGA";

    private TestTokens() {
    }

    public static String partner(UUID partnerId) {
        return access(partnerId.toString(), "partner");
    }

    public static String pendingPartner(UUID partnerId) {
        return access(partnerId.toString(), "partner-pending");
    }

    public static String operator() {
        return access("operator", "operator");
    }

    public static String access(String subject, String group) {
        return claims(subject, Set.of(group), Instant.now(), Duration.ofHours(1)).jws()
                .keyId(KEY_ID).algorithm(SignatureAlgorithm.ES256).sign(testKey());
    }

    /** Claims of a valid access token, for tests that change one thing about it. */
    public static JwtClaimsBuilder claims(String subject, Set<String> groups, Instant issuedAt, Duration lifetime) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(groups)
                .issuedAt(issuedAt).expiresAt(issuedAt.plus(lifetime)).claim("jti", UUID.randomUUID().toString());
    }

    public static PrivateKey testKey() {
        return key("partnerb2b-test/test-signing-key.pem");
    }

    /** A valid EC key that no service trusts. */
    public static PrivateKey untrustedKey() {
        return key("partnerb2b-test/other-signing-key.pem");
    }

    private static PrivateKey key(String location) {
        try {
            return KeyUtils.readPrivateKey(location, SignatureAlgorithm.ES256);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read test key " + location, e);
        }
    }
}

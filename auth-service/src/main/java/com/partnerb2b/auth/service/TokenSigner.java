package com.partnerb2b.auth.service;

import java.security.PrivateKey;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.auth.config.JwtSettings;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Signs tokens with ES256 and the configured {@code kid}. The key is read once at start: signing
 * is then CPU work only, safe on the event loop.
 */
@ApplicationScoped
public class TokenSigner {

    private final PrivateKey key;
    private final String keyId;

    public TokenSigner(JwtSettings settings) {
        this.keyId = settings.signingKeyId();
        try {
            this.key = KeyUtils.readPrivateKey(settings.signingKeyLocation(), SignatureAlgorithm.ES256);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the token signing key at " + settings.signingKeyLocation(), e);
        }
        if (key == null) {
            throw new IllegalStateException("No EC private key at " + settings.signingKeyLocation());
        }
    }

    public String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(keyId).algorithm(SignatureAlgorithm.ES256).sign(key);
    }

    public String keyId() {
        return keyId;
    }
}

package com.partnerb2b.auth.service;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.crypto.Digests;

/**
 * API keys look like {@code pb2b_live_<16 hex key id>_<43 base64url secret>}: the fixed prefix lets
 * secret scanners find a leaked key, the key id finds its row, and only a SHA-256 hash of the 256-bit
 * secret is stored (a slow hash adds nothing for a random secret of that size).
 */
@ApplicationScoped
public class ApiKeySecrets {

    public static final String PREFIX = "pb2b_live_";
    private static final Pattern FORMAT = Pattern.compile("pb2b_live_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final byte[] NO_MATCH = new byte[32];

    private final SecureRandom random = new SecureRandom();

    public record NewKey(String keyId, String apiKey, byte[] secretHash) {
    }

    public record PresentedKey(String keyId, byte[] secretHash) {
        /** What may appear in a log: the key's public part only. */
        public String logLabel() {
            return PREFIX + keyId;
        }
    }

    public NewKey generate() {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(id);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey(keyId, PREFIX + keyId + "_" + secretText, Digests.sha256(secretText));
    }

    public Optional<PresentedKey> parse(String apiKey) {
        if (apiKey == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(apiKey);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new PresentedKey(m.group(1), Digests.sha256(m.group(2))));
    }

    /** Constant-time comparison; a missing stored hash still costs a comparison. */
    public boolean matches(PresentedKey presented, byte[] storedHash) {
        return Digests.same(presented.secretHash(), storedHash == null ? NO_MATCH : storedHash)
                && storedHash != null;
    }

    /** Constant-time comparison of two secrets of any length. */
    public boolean sameSecret(String presented, String expected) {
        return Digests.same(Digests.sha256(presented), Digests.sha256(expected));
    }
}

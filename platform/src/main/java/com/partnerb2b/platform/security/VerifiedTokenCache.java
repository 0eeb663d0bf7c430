package com.partnerb2b.platform.security;

import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.partnerb2b.platform.crypto.Digests;
import com.partnerb2b.platform.time.TimeSource;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Access tokens that passed full verification, so that a partner's following requests with the same
 * token skip the ES256 signature check (about a millisecond of CPU each).
 * <p>
 * Only the exact token that was verified is found again: entries are keyed by the SHA-256 of the
 * whole compact token (header, payload and signature), so a token that differs in any byte (another
 * signature, another header, the same payload re-signed) is verified in full. Nothing that failed is
 * remembered. An entry is never served at or after the token's {@code exp}: such a token is refused.
 * The size is bounded; the raw token is not kept. A key removed from the JWKS stops verifying new
 * tokens at once, and tokens it verified earlier expire within an access-token lifetime, which is
 * how long the README says a retired key stays published anyway.
 */
@ApplicationScoped
public class VerifiedTokenCache {

    /** The full verification of a token, done on a miss. */
    @FunctionalInterface
    public interface Verification {
        JsonWebToken verify(String token) throws ParseException;
    }

    private final VerifiedTokenCacheConfig config;
    private final TimeSource time;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public VerifiedTokenCache(VerifiedTokenCacheConfig config, TimeSource time) {
        this.config = config;
        this.time = time;
    }

    public JsonWebToken verify(String token, Verification verification) throws ParseException {
        if (!config.enabled()) {
            return verification.verify(token);
        }
        String key = Base64.getEncoder().encodeToString(Digests.sha256(token));
        Entry known = entries.get(key);
        Instant now = time.now();
        if (known != null) {
            if (now.isBefore(known.expiresAt)) {
                return known.token;
            }
            entries.remove(key, known);
            throw new ParseException("The token has expired");
        }
        JsonWebToken verified = verification.verify(token);
        remember(key, verified, now);
        return verified;
    }

    private void remember(String key, JsonWebToken verified, Instant now) {
        Instant expiresAt = Instant.ofEpochSecond(verified.getExpirationTime());
        if (!now.isBefore(expiresAt)) {
            return;
        }
        if (entries.size() >= config.maxEntries()) {
            entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt));
            if (entries.size() >= config.maxEntries()) {
                return;
            }
        }
        entries.put(key, new Entry(verified, expiresAt));
    }

    private record Entry(JsonWebToken token, Instant expiresAt) {
    }
}

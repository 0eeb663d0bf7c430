package com.partnerb2b.platform.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.partnerb2b.platform.time.TimeSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts attempts on the token endpoints per client address and per API key id, in fixed windows,
 * and refuses past the limits ({@link TooManyAttemptsException}). A refusal is logged once per key
 * and window (WARN), and counted in {@code partnerb2b.token.attempts.refused}, so that a flood
 * does not flood the logs.
 */
@ApplicationScoped
public class TokenAttemptLimiter {

    private static final Logger LOG = Logger.getLogger(TokenAttemptLimiter.class);
    /** What a caller sends (a claim of an unverified token) is cut to this before it is counted or logged. */
    private static final int MAX_KEY_LENGTH = 64;

    private final TokenAttemptConfig config;
    private final Limit byAddress;
    private final Limit byKey;

    public TokenAttemptLimiter(TokenAttemptConfig config, TimeSource time, MeterRegistry registry) {
        this.config = config;
        this.byAddress = new Limit("client address", new FixedWindows(time), refusals(registry, "address"));
        this.byKey = new Limit("API key id", new FixedWindows(time), refusals(registry, "api_key"));
    }

    /** One attempt from this client address. */
    public void admitAddress(String address) {
        admit(byAddress, address, config.perAddress());
    }

    /** One attempt with this API key id (claimed, not yet verified). */
    public void admitKey(String keyId) {
        admit(byKey, keyId, config.perKey());
    }

    private void admit(Limit limit, String rawKey, int allowed) {
        if (!config.enabled() || rawKey == null) {
            return;
        }
        String key = safe(rawKey);
        FixedWindows.Hit hit = limit.windows.hit(key, config.window());
        if (hit.count() <= allowed) {
            return;
        }
        limit.refused.increment();
        if (hit.count() == allowed + 1) {
            LOG.warnf("Token endpoints: more than %d attempts within %s from %s %s; refused for %d s",
                    allowed, config.window(), limit.label, key, hit.retryAfterSeconds());
        }
        throw new TooManyAttemptsException(hit.retryAfterSeconds());
    }

    private static String safe(String key) {
        String cut = key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
        return cut.replaceAll("[^A-Za-z0-9._:\\-]", "?");
    }

    private static Counter refusals(MeterRegistry registry, String by) {
        return Counter.builder("partnerb2b.token.attempts.refused")
                .description("Token endpoint attempts refused past a limit")
                .tag("by", by)
                .register(registry);
    }

    private record Limit(String label, FixedWindows windows, Counter refused) {
    }
}

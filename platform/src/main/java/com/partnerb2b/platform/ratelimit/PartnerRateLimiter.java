package com.partnerb2b.platform.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.time.TimeSource;

/**
 * Fixed-window request counter per partner, in this instance's memory: with N replicas a partner
 * may make up to N times the limit (documented in the README).
 */
@ApplicationScoped
public class PartnerRateLimiter {

    private final RateLimitConfig config;
    private final FixedWindows windows;

    public PartnerRateLimiter(RateLimitConfig config, TimeSource time) {
        this.config = config;
        this.windows = new FixedWindows(time);
    }

    public RateLimitDecision consume(String partner) {
        FixedWindows.Hit hit = windows.hit(partner, config.window());
        int limit = config.limit();
        return new RateLimitDecision(hit.count() <= limit, limit, Math.max(0, limit - hit.count()),
                hit.resetEpochSecond(), hit.retryAfterSeconds());
    }
}

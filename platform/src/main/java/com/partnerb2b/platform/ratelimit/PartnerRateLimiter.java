package com.partnerb2b.platform.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.time.TimeSource;

/**
 * Fixed-window request counter per partner, in this instance's memory: with N replicas a partner
 * may make up to N times the limit (documented in the README).
 */
@ApplicationScoped
public class PartnerRateLimiter {

    private static final int SWEEP_THRESHOLD = 10_000;

    private final RateLimitConfig config;
    private final TimeSource time;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public PartnerRateLimiter(RateLimitConfig config, TimeSource time) {
        this.config = config;
        this.time = time;
    }

    public RateLimitDecision consume(String partner) {
        long windowMillis = config.window().toMillis();
        long now = time.now().toEpochMilli();
        long start = now - (now % windowMillis);
        if (windows.size() > SWEEP_THRESHOLD) {
            windows.values().removeIf(w -> w.start < start);
        }
        Window window = windows.compute(partner, (key, current) -> current == null || current.start != start
                ? new Window(start)
                : current);
        int used = window.count.incrementAndGet();
        int limit = config.limit();
        long reset = (start + windowMillis) / 1000;
        long retryAfter = Math.max(1, (start + windowMillis - now + 999) / 1000);
        return new RateLimitDecision(used <= limit, limit, Math.max(0, limit - used), reset, retryAfter);
    }

    private static final class Window {
        final long start;
        final AtomicInteger count = new AtomicInteger();

        Window(long start) {
            this.start = start;
        }
    }
}

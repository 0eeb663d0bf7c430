package com.partnerb2b.platform.ratelimit;

/** The outcome of counting one request against a partner's window. */
public record RateLimitDecision(boolean allowed, int limit, int remaining, long resetEpochSecond, long retryAfterSeconds) {
}

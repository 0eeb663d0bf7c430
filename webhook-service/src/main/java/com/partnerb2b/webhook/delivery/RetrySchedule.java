package com.partnerb2b.webhook.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * When a delivery is attempted. Entry i of the list is the delay before attempt i+1, counted from the previous
 * attempt (entry 0 from the event): so the default {@code PT0S,PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H} means 8
 * attempts, the first immediately, the last about 28 h after the event; {@link #maxAttempts()} is the list size.
 * <p>
 * Jitter (±{@code jitterFraction} of each delay) spreads the retries of a partner that was down for everyone
 * at once, so its recovery is not met by a synchronised burst.
 * <p>
 * Retry-After (from a 429/502/503/504) only ever postpones: the next attempt is not before what the receiver
 * asked, but a receiver cannot stall a delivery for long: it is honoured up to
 * {@code max(1 minute, 2 × the scheduled delay)}, and never beyond {@link #MAX_RETRY_AFTER} (1 day).
 */
public final class RetrySchedule {

    public static final String DEFAULT = "PT0S,PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H";
    public static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);
    static final Duration RETRY_AFTER_FLOOR = Duration.ofMinutes(1);

    private final List<Duration> delays;
    private final double jitterFraction;
    private final RandomGenerator random;

    public RetrySchedule(List<Duration> delays, double jitterFraction, RandomGenerator random) {
        if (delays == null || delays.isEmpty()) {
            throw new IllegalArgumentException("at least one delay is required");
        }
        for (Duration d : delays) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("delays must be zero or positive");
            }
        }
        if (!(jitterFraction >= 0 && jitterFraction < 1)) {
            throw new IllegalArgumentException("jitterFraction must be in [0, 1)");
        }
        this.delays = List.copyOf(delays);
        this.jitterFraction = jitterFraction;
        this.random = random == null ? threadLocal() : random;
    }

    /** Parses "PT0S,PT5S,..." (ISO-8601 durations); jitter drawn from a thread-safe random source. */
    public static RetrySchedule parse(String commaSeparatedIsoDurations, double jitterFraction) {
        if (commaSeparatedIsoDurations == null || commaSeparatedIsoDurations.isBlank()) {
            throw new IllegalArgumentException("empty retry schedule");
        }
        List<Duration> delays = new ArrayList<>();
        for (String part : commaSeparatedIsoDurations.split(",")) {
            try {
                delays.add(Duration.parse(part.trim()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not an ISO-8601 duration: '" + part.trim() + "'");
            }
        }
        return new RetrySchedule(delays, jitterFraction, null);
    }

    public int maxAttempts() {
        return delays.size();
    }

    public List<Duration> delays() {
        return delays;
    }

    /** The delay before the first attempt (the first entry, jittered). */
    public Duration firstDelay() {
        return jitter(delays.get(0));
    }

    /**
     * When to try again after the given number of attempts made (1 = after the first failed one), or empty when
     * none is left. {@code retryAfter} may be null.
     */
    public Optional<Duration> delayAfter(int attemptsMade, Duration retryAfter) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attemptsMade starts at 1");
        }
        if (attemptsMade >= delays.size()) {
            return Optional.empty();
        }
        Duration scheduled = delays.get(attemptsMade);
        Duration delay = jitter(scheduled);
        if (retryAfter != null && !retryAfter.isNegative()) {
            Duration cap = scheduled.multipliedBy(2);
            if (cap.compareTo(RETRY_AFTER_FLOOR) < 0) {
                cap = RETRY_AFTER_FLOOR;
            }
            if (cap.compareTo(MAX_RETRY_AFTER) > 0) {
                cap = MAX_RETRY_AFTER;
            }
            Duration honoured = retryAfter.compareTo(cap) > 0 ? cap : retryAfter;
            if (honoured.compareTo(delay) > 0) {
                delay = honoured;
            }
        }
        return Optional.of(delay);
    }

    private Duration jitter(Duration base) {
        if (jitterFraction == 0 || base.isZero()) {
            return base;
        }
        double factor = 1 + jitterFraction * (2 * random.nextDouble() - 1); // in [1 - f, 1 + f)
        long millis = Math.round(base.toMillis() * factor);
        return Duration.ofMillis(Math.max(0, millis));
    }

    private static RandomGenerator threadLocal() {
        return () -> ThreadLocalRandom.current().nextLong();
    }
}

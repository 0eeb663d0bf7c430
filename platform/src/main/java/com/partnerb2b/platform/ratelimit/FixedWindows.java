package com.partnerb2b.platform.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.partnerb2b.platform.time.TimeSource;

/**
 * Counts events per key in fixed windows of time, in this instance's memory. Windows that ended are
 * dropped once many keys are held, so that a flood of distinct keys cannot grow it without bound.
 */
final class FixedWindows {

    private static final int SWEEP_THRESHOLD = 10_000;

    private final TimeSource time;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    FixedWindows(TimeSource time) {
        this.time = time;
    }

    /** One event of {@code key}: how many the current window holds now, and when it ends. */
    Hit hit(String key, Duration length) {
        long lengthMillis = length.toMillis();
        long now = time.now().toEpochMilli();
        long start = now - Math.floorMod(now, lengthMillis);
        if (windows.size() > SWEEP_THRESHOLD) {
            windows.values().removeIf(w -> w.start < start);
        }
        Window window = windows.compute(key, (k, current) -> current == null || current.start != start
                ? new Window(start)
                : current);
        return new Hit(window.count.incrementAndGet(), start + lengthMillis, now);
    }

    record Hit(int count, long endMillis, long nowMillis) {

        long resetEpochSecond() {
            return endMillis / 1000;
        }

        long retryAfterSeconds() {
            return Math.max(1, (endMillis - nowMillis + 999) / 1000);
        }
    }

    private static final class Window {
        final long start;
        final AtomicInteger count = new AtomicInteger();

        Window(long start) {
            this.start = start;
        }
    }
}

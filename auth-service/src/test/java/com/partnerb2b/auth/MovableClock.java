package com.partnerb2b.auth;

import java.time.Duration;
import java.time.Instant;

import com.partnerb2b.platform.time.TimeSource;

/** A time source that stands still until a test moves it. */
class MovableClock extends TimeSource {

    private Instant now;

    MovableClock(Instant start) {
        this.now = start;
    }

    /** Stands at the start of the current window of this length, so that a whole window lies ahead. */
    static MovableClock atWindowStart(Duration window) {
        long millis = System.currentTimeMillis();
        return new MovableClock(Instant.ofEpochMilli(millis - millis % window.toMillis()));
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    synchronized void advance(Duration by) {
        now = now.plus(by);
    }
}

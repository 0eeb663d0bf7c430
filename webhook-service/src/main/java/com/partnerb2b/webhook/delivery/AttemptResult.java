package com.partnerb2b.webhook.delivery;

import java.time.Duration;

/**
 * One attempt's outcome, exactly what is stored and shown to the partner: never the headers we sent, never the
 * secret. {@code httpStatus} is null when no answer came (then {@code error} says why); {@code responseExcerpt}
 * is at most the first 1 KB of the body as text, never parsed; {@code retryAfter} is the receiver's Retry-After
 * on 429/502/503/504, else null.
 */
public record AttemptResult(Integer httpStatus, String error, long durationMillis, String responseExcerpt, Duration retryAfter) {

    /** The excerpt is cut at this many bytes. */
    public static final int EXCERPT_BYTES = 1024;

    /** A 2xx answer. */
    public boolean delivered() {
        return error == null && httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }

    /** 410 Gone: the partner asks us to stop (the endpoint is disabled at once). */
    public boolean gone() {
        return httpStatus != null && httpStatus == 410;
    }

    static AttemptResult failed(String error, long durationMillis) {
        return new AttemptResult(null, error, durationMillis, null, null);
    }
}

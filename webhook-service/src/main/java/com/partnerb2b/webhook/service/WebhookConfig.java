package com.partnerb2b.webhook.service;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Delivery policy and limits ({@code partnerb2b.webhooks.*}). */
@ConfigMapping(prefix = "partnerb2b.webhooks")
public interface WebhookConfig {

    /** Plain http to a loopback receiver (local mode only; never in production). */
    @WithDefault("false")
    boolean allowLoopback();

    /**
     * Where a delivery may open a socket: {@code guarded} (production: the SSRF guard's address rule) or
     * {@code loopback-only} (the guard's rule AND a loopback address: test and fuzzing stacks, so that no
     * generated URL can make the system send a packet beyond this machine).
     */
    @WithDefault("guarded")
    ConnectMode connect();

    enum ConnectMode {
        GUARDED,
        LOOPBACK_ONLY
    }

    /** Delay before each attempt: the first is the first attempt's (immediately), then one per retry. */
    @WithDefault("PT0S,PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H")
    String schedule();

    /** Each delay varies by up to this fraction, so retries of many deliveries do not arrive together. */
    @WithDefault("0.1")
    double jitter();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** The whole answer must come within this. */
    @WithDefault("PT15S")
    Duration requestTimeout();

    /** A claimed delivery is the instance's for this long (longer than an attempt can take). */
    @WithDefault("PT60S")
    Duration lease();

    /** Attempts in flight at once in one instance; also the sender's connections kept per target host. */
    @WithDefault("64")
    @Min(1)
    int maxInFlight();

    /**
     * Attempts in flight at once to one endpoint, across instances, while it succeeds (one while it
     * fails). 1 delivers strictly one after another, in order.
     */
    @WithDefault("8")
    @Min(1)
    int perEndpointInFlight();

    @WithDefault("PT1S")
    Duration pollInterval();

    /** An endpoint failing without a single success for this long is disabled. */
    @WithDefault("P5D")
    Duration failureWindow();

    /** After a rotation the previous secret keeps signing beside the new one for this long. */
    @WithDefault("PT24H")
    Duration rotationOverlap();

    @WithDefault("PartnerB2B-Webhooks/1.0 (+https://partnerb2b.example/webhooks)")
    String userAgent();
}

package com.partnerb2b.platform.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How consumers retry an event whose handling fails before setting it aside ({@code partnerb2b.events.*}). */
@ConfigMapping(prefix = "partnerb2b.events")
public interface EventInboxConfig {

    /** Retries of a failing handling before the event goes to {@code failed_events}. */
    @WithDefault("6")
    int handlingRetries();

    @WithDefault("PT0.2S")
    Duration firstBackOff();

    @WithDefault("PT10S")
    Duration maxBackOff();

    /**
     * How long an event's handling waits for a database that is away before the message fails
     * unacknowledged (under each channel's {@code throttled.unprocessed-record-max-age.ms}).
     */
    @WithDefault("PT5M")
    Duration outageWait();
}

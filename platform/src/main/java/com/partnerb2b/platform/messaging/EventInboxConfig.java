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

    /** How long after its handling failed an event set aside is first handled again; each next wait is five times longer. */
    @WithDefault("PT1M")
    Duration firstReplay();

    /** Longest wait between two replays of an event set aside. */
    @WithDefault("PT6H")
    Duration maxReplayWait();

    /** Replays of an event set aside after its handling failed, before it is left to an operator. */
    @WithDefault("6")
    int replays();

    /** How often {@link FailedEventReplay} looks for events due ({@code off}: never, as in tests that replay by hand). */
    @WithDefault("PT30S")
    String replayInterval();
}

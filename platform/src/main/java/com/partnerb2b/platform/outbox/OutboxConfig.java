package com.partnerb2b.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tunables of the transactional outbox and its relay ({@code partnerb2b.outbox.*}). */
@ConfigMapping(prefix = "partnerb2b.outbox")
public interface OutboxConfig {

    /**
     * Build-time switch: a service that writes events sets it to {@code true} and configures the
     * outgoing channel {@code outbox-events}; without it no relay runs in the service.
     */
    @WithDefault("false")
    boolean enabled();

    /** Most events one relay transaction locks, sends and marks published. */
    @WithDefault("100")
    int batchSize();

    /**
     * Fallback poll. Events are published as soon as their transaction commits (a PostgreSQL
     * notification wakes the relay); the poll only catches what a lost notification, a lost listening
     * connection or an unreachable Kafka left behind.
     */
    @WithDefault("5s")
    Duration pollInterval();

    /**
     * Pause before a run asked for while another was running, if that one published more than one
     * event and its batch was not full: under load, the events committed meanwhile leave in one run
     * (fewer statements and Kafka requests per event); 0 runs at once.
     */
    @WithDefault("10ms")
    Duration gather();

    /** Listen for commit notifications; false leaves the fallback poll alone (e.g. behind a transaction-mode PgBouncer). */
    @WithDefault("true")
    boolean listen();

    /** Delay before reconnecting a lost listening connection. */
    @WithDefault("1s")
    Duration reconnectDelay();

    /**
     * Longest wait for Kafka's acknowledgement of one event; keep it above the producer's
     * {@code delivery.timeout.ms} so that the producer gives up first and no late copy follows a retry.
     */
    @WithDefault("10s")
    Duration sendTimeout();

    /** Published rows are kept this long (for inspection), then deleted. */
    @WithDefault("7d")
    Duration purgeAfter();

    /** How often published rows older than {@link #purgeAfter()} are deleted. */
    @WithDefault("1h")
    Duration purgeInterval();
}

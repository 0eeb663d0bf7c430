package com.partnerb2b.localstack;

import java.time.Duration;
import java.util.function.Function;

/**
 * How the gateway talks to the services: how long it waits to connect (a pooled connection included),
 * how long an exchange may stay silent (no byte sent or received) before the gateway gives up, how
 * many event loops serve, and how many connections each event loop keeps open to each service.
 *
 * <p>Each setting is read from a system property, else from the environment, else a default:
 * {@code partnerb2b.gateway.connect-timeout-ms} / {@code PARTNERB2B_GATEWAY_CONNECT_TIMEOUT_MS} (2000),
 * {@code partnerb2b.gateway.response-timeout-ms} / {@code PARTNERB2B_GATEWAY_RESPONSE_TIMEOUT_MS} (30000),
 * {@code partnerb2b.gateway.event-loops} / {@code PARTNERB2B_GATEWAY_EVENT_LOOPS} (available processors),
 * {@code partnerb2b.gateway.connections-per-service} / {@code PARTNERB2B_GATEWAY_CONNECTIONS_PER_SERVICE} (64).
 */
public record GatewayOptions(Duration connectTimeout, Duration responseTimeout, int eventLoops, int connectionsPerService) {

    public GatewayOptions {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("Gateway timeouts must be positive");
        }
        if (eventLoops < 1) {
            throw new IllegalArgumentException("The gateway needs at least one event loop");
        }
        if (connectionsPerService < 1) {
            throw new IllegalArgumentException("The gateway needs at least one connection per service");
        }
    }

    public static GatewayOptions defaults() {
        return new GatewayOptions(Duration.ofSeconds(2), Duration.ofSeconds(30), Runtime.getRuntime().availableProcessors(), 64);
    }

    public static GatewayOptions fromEnvironment() {
        return from(name -> {
            String property = System.getProperty("partnerb2b.gateway." + name);
            return property != null ? property : System.getenv("PARTNERB2B_GATEWAY_" + name.toUpperCase().replace('-', '_'));
        });
    }

    static GatewayOptions from(Function<String, String> settings) {
        GatewayOptions defaults = defaults();
        return new GatewayOptions(
                Duration.ofMillis(number(settings, "connect-timeout-ms", defaults.connectTimeout().toMillis())),
                Duration.ofMillis(number(settings, "response-timeout-ms", defaults.responseTimeout().toMillis())),
                (int) number(settings, "event-loops", defaults.eventLoops()),
                (int) number(settings, "connections-per-service", defaults.connectionsPerService()));
    }

    public GatewayOptions withEventLoops(int count) {
        return new GatewayOptions(connectTimeout, responseTimeout, count, connectionsPerService);
    }

    public GatewayOptions withConnectionsPerService(int count) {
        return new GatewayOptions(connectTimeout, responseTimeout, eventLoops, count);
    }

    public GatewayOptions withTimeouts(Duration connect, Duration response) {
        return new GatewayOptions(connect, response, eventLoops, connectionsPerService);
    }

    private static long number(Function<String, String> settings, String name, long fallback) {
        String value = settings.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Gateway setting " + name + " is not a number: " + value, e);
        }
    }
}

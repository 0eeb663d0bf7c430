package com.partnerb2b.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GatewayOptionsTest {

    @Test
    void defaults_are_two_seconds_to_connect_thirty_to_answer_and_one_loop_per_processor() {
        GatewayOptions options = GatewayOptions.from(Map.<String, String>of()::get);
        assertEquals(Duration.ofSeconds(2), options.connectTimeout());
        assertEquals(Duration.ofSeconds(30), options.responseTimeout());
        assertEquals(Runtime.getRuntime().availableProcessors(), options.eventLoops());
        assertEquals(64, options.connectionsPerService());
    }

    @Test
    void each_setting_can_be_given() {
        GatewayOptions options = GatewayOptions.from(Map.of("connect-timeout-ms", "250",
                "response-timeout-ms", " 90000 ", "event-loops", "3", "connections-per-service", "8")::get);
        assertEquals(Duration.ofMillis(250), options.connectTimeout());
        assertEquals(Duration.ofSeconds(90), options.responseTimeout());
        assertEquals(3, options.eventLoops());
        assertEquals(8, options.connectionsPerService());
    }

    @Test
    void nonsense_is_refused_at_start_rather_than_ignored() {
        assertThrows(IllegalArgumentException.class, () -> GatewayOptions.from(Map.of("connect-timeout-ms", "2s")::get));
        assertThrows(IllegalArgumentException.class, () -> GatewayOptions.from(Map.of("response-timeout-ms", "0")::get));
        assertThrows(IllegalArgumentException.class, () -> GatewayOptions.from(Map.of("event-loops", "0")::get));
        assertThrows(IllegalArgumentException.class, () -> GatewayOptions.from(Map.of("connections-per-service", "0")::get));
    }
}

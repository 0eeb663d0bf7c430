package com.partnerb2b.webhook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.AuthenticationSweep;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuthenticationFirstTest {

    @Test
    void every_path_and_method_answers_401_in_the_envelope_without_a_valid_token() {
        AuthenticationSweep sweep = AuthenticationSweep.of("webhook-service");
        assertTrue(sweep.protectedPaths().contains("/api/v1/webhooks/configure"), sweep.protectedPaths().toString());
        sweep.run();
    }
}

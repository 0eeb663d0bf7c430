package com.partnerb2b.auth;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Limits low enough for a test to reach them: 3 requests a minute per partner, few token attempts. */
public class LowLimits implements QuarkusTestProfile {

    static final int ATTEMPTS_PER_ADDRESS = 5;
    static final int ATTEMPTS_PER_KEY = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "partnerb2b.rate-limit.limit", "3",
                "partnerb2b.token-attempts.per-address", String.valueOf(ATTEMPTS_PER_ADDRESS),
                "partnerb2b.token-attempts.per-key", String.valueOf(ATTEMPTS_PER_KEY),
                "partnerb2b.token-attempts.window", "10S");
    }
}

package com.partnerb2b.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(LowLimits.class)
class RateLimitTest {

    @Test
    void past_the_limit_a_partner_gets_429_with_retry_after_and_others_are_unaffected() {
        String token = TestTokens.operator();
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().auth().oauth2(token).get("/admin/v1/partners/").then()
                    .statusCode(200)
                    .header("X-RateLimit-Limit", "3")
                    .header("X-RateLimit-Remaining", String.valueOf(remaining))
                    .header("X-RateLimit-Reset", notNullValue());
        }
        Response refused = given().auth().oauth2(token).get("/admin/v1/partners/");
        refused.then()
                .statusCode(429)
                .header("X-RateLimit-Remaining", "0")
                .body("error.code", equalTo("rate_limited"))
                .body("meta.request_id", notNullValue());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After within the window: " + retryAfter);
        long reset = Long.parseLong(refused.header("X-RateLimit-Reset"));
        assertTrue(reset > System.currentTimeMillis() / 1000 - 1, "reset is in the future");

        // Another principal has its own window.
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).contentType("application/json")
                .body(Map.of("token", "unknown")).post("/api/v1/auth/token/revoke/").then()
                .statusCode(200)
                .header("X-RateLimit-Remaining", "2");
    }
}

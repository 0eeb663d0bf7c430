package com.partnerb2b.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.TestTokens;
import com.partnerb2b.platform.time.TimeSource;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(LowLimits.class)
class RateLimitTest {

    /** Ten seconds into a window of one minute: the test never straddles a window boundary. */
    private static final Instant WINDOW_START = Instant.parse("2026-11-25T10:00:00Z");
    private final MovableClock clock = new MovableClock(WINDOW_START.plusSeconds(10));

    @BeforeEach
    void driveTime() {
        QuarkusMock.installMockForType(clock, TimeSource.class);
    }

    @AfterEach
    void realTime() {
        QuarkusMock.installMockForType(new TimeSource(), TimeSource.class);
    }

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
        assertEquals("50", refused.header("Retry-After"), "seconds left in the window");
        assertEquals(String.valueOf(WINDOW_START.plusSeconds(60).getEpochSecond()), refused.header("X-RateLimit-Reset"));

        // Another principal has its own window.
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).contentType("application/json")
                .body(Map.of("token", "unknown")).post("/api/v1/auth/token/revoke/").then()
                .statusCode(200)
                .header("X-RateLimit-Remaining", "2");

        // The next window starts afresh.
        clock.advance(Duration.ofSeconds(50));
        given().auth().oauth2(token).get("/admin/v1/partners/").then()
                .statusCode(200)
                .header("X-RateLimit-Remaining", "2");
    }
}

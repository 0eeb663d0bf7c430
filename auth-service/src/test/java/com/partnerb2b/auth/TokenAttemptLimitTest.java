package com.partnerb2b.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.TestMetrics;
import com.partnerb2b.platform.test.TestTokens;
import com.partnerb2b.platform.time.TimeSource;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Bursts on the token endpoints are refused per client address and per API key, for one window. */
@QuarkusTest
@TestProfile(LowLimits.class)
class TokenAttemptLimitTest {

    private static final Duration WINDOW = Duration.ofSeconds(10);

    private MovableClock clock;

    @BeforeEach
    void standStill() {
        clock = MovableClock.atWindowStart(WINDOW);
        QuarkusMock.installMockForType(clock, TimeSource.class);
    }

    @Test
    void a_burst_from_one_address_gets_429_until_the_window_ends_and_other_addresses_are_unaffected() {
        String attacker = "198.51.100.7";
        double refusedBefore = refusedCount("address");
        for (int i = 0; i < LowLimits.ATTEMPTS_PER_ADDRESS; i++) {
            tokenFrom(attacker, unknownKey()).statusCode(401);
        }
        tooMany(tokenFrom(attacker, unknownKey()));
        // counted before the body is read: a malformed body is refused the same way
        tooMany(given().header("X-Forwarded-For", attacker).contentType(ContentType.JSON).body("{\"refresh\": ")
                .post("/api/v1/auth/token/refresh/").then());
        assertEquals(refusedBefore + 2, refusedCount("address"));

        tokenFrom("198.51.100.8", unknownKey()).statusCode(401);
        // the gateway appends the address it saw: what the caller wrote on the left does not count
        tokenFrom("198.51.100.7, 198.51.100.9", unknownKey()).statusCode(401);

        clock.advance(WINDOW);
        tokenFrom(attacker, unknownKey()).statusCode(401);
    }

    @Test
    void a_burst_on_one_api_key_gets_429_until_the_window_ends_and_other_keys_are_unaffected() {
        String partner = createActivePartner();
        String key = issueKey(partner);
        String otherKey = issueKey(partner);

        String refresh = null;
        for (int i = 0; i < LowLimits.ATTEMPTS_PER_KEY; i++) {
            refresh = tokenFrom(anyAddress(), key).statusCode(200).extract().path("data.refresh");
        }
        tooMany(tokenFrom(anyAddress(), key));
        tooMany(given().header("X-Forwarded-For", anyAddress()).contentType(ContentType.JSON)
                .body(Map.of("refresh", refresh)).post("/api/v1/auth/token/refresh/").then());
        tokenFrom(anyAddress(), otherKey).statusCode(200);

        clock.advance(WINDOW);
        tokenFrom(anyAddress(), key).statusCode(200);
        given().header("X-Forwarded-For", anyAddress()).contentType(ContentType.JSON)
                .body(Map.of("refresh", refresh)).post("/api/v1/auth/token/refresh/").then().statusCode(200);
    }

    private static void tooMany(ValidatableResponse response) {
        response.statusCode(429)
                .header("Retry-After", "10")
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("rate_limited"))
                .body("error.message", equalTo("Too Many Requests"))
                .body("meta.request_id", notNullValue());
    }

    private static ValidatableResponse tokenFrom(String forwardedFor, String apiKey) {
        return given().header("X-Forwarded-For", forwardedFor).contentType(ContentType.JSON)
                .body(Map.of("apiKey", apiKey)).post("/api/v1/auth/token/").then();
    }

    private static String unknownKey() {
        byte[] id = new byte[8];
        ThreadLocalRandom.current().nextBytes(id);
        return "pb2b_live_" + HexFormat.of().formatHex(id) + "_" + "A".repeat(43);
    }

    private static String anyAddress() {
        return "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    /**
     * Partners and keys are made with operator tokens signed here, so that no token attempt is spent on
     * them, each for its own subject, so that the low per-principal rate limit of the profile is not hit.
     */
    private static String operator() {
        return TestTokens.access("operator-" + UUID.randomUUID(), "operator");
    }

    private static String createActivePartner() {
        String pk = given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "Banque Rafale")).post("/admin/v1/partners/").then().statusCode(201)
                .extract().path("data.pk");
        given().auth().oauth2(operator()).post("/admin/v1/partners/" + pk + "/activate/").then().statusCode(200);
        return pk;
    }

    private static String issueKey(String partner) {
        return given().auth().oauth2(operator()).post("/admin/v1/partners/" + partner + "/api-keys/").then()
                .statusCode(201).extract().path("data.apiKey");
    }

    private static double refusedCount(String by) {
        return TestMetrics.sum("partnerb2b_token_attempts_refused_total", "by=\"" + by + "\"");
    }
}

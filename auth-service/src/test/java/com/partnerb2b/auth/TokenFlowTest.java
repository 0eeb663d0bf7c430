package com.partnerb2b.auth;

import static com.partnerb2b.auth.AuthApi.activePartner;
import static com.partnerb2b.auth.AuthApi.refresh;
import static com.partnerb2b.auth.AuthApi.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class TokenFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXPIRY = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}";

    @Test
    void api_key_gives_the_seed_token_response_with_documented_lifetimes() throws Exception {
        AuthApi.PartnerWithKey partner = activePartner("Banque Tokens");

        ExtractableResponse<Response> response = token(partner.apiKey())
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("data.access", notNullValue())
                .body("data.refresh", notNullValue())
                .body("data.access_expire", matchesPattern(EXPIRY))
                .body("data.refesh_expire", matchesPattern(EXPIRY))
                .body("data.refresh_expire", matchesPattern(EXPIRY))
                .body("meta.timestamp", notNullValue())
                .body("meta.request_id", matchesPattern("[0-9a-f-]{36}"))
                .extract();
        assertEquals(response.header("X-Request-Id"), response.path("meta.request_id"));

        Instant accessExpire = LocalDateTime.parse(response.path("data.access_expire")).toInstant(ZoneOffset.UTC);
        Instant refreshExpire = LocalDateTime.parse(response.path("data.refresh_expire")).toInstant(ZoneOffset.UTC);
        assertEquals(response.<String>path("data.refresh_expire"), response.path("data.refesh_expire"));
        assertNear(Instant.now().plus(Duration.ofHours(1)), accessExpire);
        assertNear(Instant.now().plus(Duration.ofDays(7)), refreshExpire);

        JsonNode header = part(response.path("data.access"), 0);
        JsonNode access = part(response.path("data.access"), 1);
        JsonNode refresh = part(response.path("data.refresh"), 1);
        assertEquals("ES256", header.path("alg").asText());
        assertEquals("G_VaPgY_tYWasFB1YkVjkDjDad2QTYj8qEHf2buTeGA", header.path("kid").asText());
        assertEquals(partner.partnerId(), access.path("sub").asText());
        assertEquals("partner", access.path("groups").get(0).asText());
        assertEquals(3600, access.path("exp").asLong() - access.path("iat").asLong());
        assertEquals(7 * 24 * 3600, refresh.path("exp").asLong() - refresh.path("iat").asLong());
        assertEquals("refresh", refresh.path("token_use").asText());
    }

    @Test
    void refresh_token_gives_a_new_access_token_with_the_seed_field_names() throws Exception {
        AuthApi.PartnerWithKey partner = activePartner("Banque Refresh");
        String refreshToken = token(partner.apiKey()).statusCode(200).extract().path("data.refresh");

        ExtractableResponse<Response> refreshed = refresh(refreshToken)
                .statusCode(200)
                .body("data.access", notNullValue())
                .body("data.access_expires", matchesPattern(EXPIRY))
                .body("data.access_expire", matchesPattern(EXPIRY))
                .extract();
        JsonNode access = part(refreshed.path("data.access"), 1);
        assertEquals(partner.partnerId(), access.path("sub").asText());
        assertEquals(3600, access.path("exp").asLong() - access.path("iat").asLong());

        // The new access token is accepted by a protected endpoint.
        given().auth().oauth2(refreshed.path("data.access")).contentType(ContentType.JSON)
                .body(Map.of("token", "not-a-token")).post("/api/v1/auth/token/revoke/")
                .then().statusCode(200);
    }

    @Test
    void paths_work_with_and_without_the_trailing_slash() {
        AuthApi.PartnerWithKey partner = activePartner("Banque Slash");
        String refreshToken = given().contentType(ContentType.JSON).body(Map.of("apiKey", partner.apiKey()))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("data.refresh");
        given().contentType(ContentType.JSON).body(Map.of("refresh", refreshToken))
                .post("/api/v1/auth/token/refresh").then().statusCode(200);
    }

    @Test
    void the_only_accepted_refresh_field_is_refresh() {
        AuthApi.PartnerWithKey partner = activePartner("Banque Refresg");
        String refreshToken = token(partner.apiKey()).statusCode(200).extract().path("data.refresh");
        given().contentType(ContentType.JSON).body(Map.of("refresg", refreshToken))
                .post("/api/v1/auth/token/refresh/").then()
                .statusCode(400)
                .body("error.message", equalTo("Invalid value"))
                .body("error.details[0].field", equalTo("refresh"));
    }

    @Test
    void each_token_is_unique() throws Exception {
        AuthApi.PartnerWithKey partner = activePartner("Banque Unique");
        String first = token(partner.apiKey()).statusCode(200).extract().path("data.access");
        String second = token(partner.apiKey()).statusCode(200).extract().path("data.access");
        assertNotEquals(part(first, 1).path("jti").asText(), part(second, 1).path("jti").asText());
    }

    @Test
    void pending_partner_gets_tokens_with_the_pending_group_and_is_not_allowed_elsewhere() throws Exception {
        AuthApi.PartnerWithKey partner = AuthApi.pendingPartner("Banque En Attente");
        ExtractableResponse<Response> issued = token(partner.apiKey()).statusCode(200).extract();
        assertEquals(List.of("partner-pending"),
                JSON.convertValue(part(issued.path("data.access"), 1).path("groups"), List.class));

        given().auth().oauth2(issued.<String>path("data.access")).contentType(ContentType.JSON)
                .body(Map.of("token", issued.<String>path("data.refresh")))
                .post("/api/v1/auth/token/revoke/").then()
                .statusCode(403)
                .body("error.message", equalTo("Not Allowed"));

        // Activation takes effect on the next token, through refresh too.
        AuthApi.activate(partner.partnerId());
        String refreshed = refresh(issued.path("data.refresh")).statusCode(200).extract().path("data.access");
        assertEquals("partner", part(refreshed, 1).path("groups").get(0).asText());
    }

    static JsonNode part(String jwt, int index) throws Exception {
        String[] parts = jwt.split("\\.");
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
    }

    private static void assertNear(Instant expected, Instant actual) {
        long drift = Math.abs(Duration.between(expected, actual).getSeconds());
        if (drift > 60) {
            throw new AssertionError("expected about " + expected + " but was " + actual);
        }
    }
}

package com.partnerb2b.auth;

import static com.partnerb2b.auth.AuthApi.activePartner;
import static com.partnerb2b.auth.AuthApi.operatorToken;
import static com.partnerb2b.auth.AuthApi.refresh;
import static com.partnerb2b.auth.AuthApi.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.time.TimeSource;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class TokenRefusalTest {

    @Test
    void unknown_key_is_401_without_saying_why() {
        unauthenticated(token("pb2b_live_0123456789abcdef_" + "A".repeat(43)));
    }

    @Test
    void malformed_key_is_401() {
        unauthenticated(token("not-a-key"));
        unauthenticated(token("pb2b_live_short"));
    }

    @Test
    void right_key_id_with_a_wrong_secret_is_401() {
        AuthApi.PartnerWithKey partner = activePartner("Banque Secret");
        String forged = partner.apiKey().substring(0, partner.apiKey().length() - 43) + "B".repeat(43);
        unauthenticated(token(forged));
    }

    @Test
    void malformed_bodies_are_400_in_the_error_envelope() {
        given().contentType(ContentType.JSON).body("{\"apiKey\": ")
                .post("/api/v1/auth/token/").then()
                .statusCode(400)
                .body("error.code", equalTo("parse_error"))
                .body("error.message", equalTo("Parse Error"))
                .body("meta.request_id", not(nullValue()));
        given().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/auth/token/").then()
                .statusCode(400)
                .body("error.message", equalTo("Invalid value"))
                .body("error.details[0].field", equalTo("apiKey"));
        given().contentType(ContentType.JSON).body("{\"apiKey\": [\"a\"]}")
                .post("/api/v1/auth/token/").then()
                .statusCode(400)
                .body("error.message", equalTo("Type Error"))
                .body("error.details[0].field", equalTo("apiKey"));
        given().contentType(ContentType.JSON)
                .post("/api/v1/auth/token/").then()
                .statusCode(400)
                .body("error.message", equalTo("Invalid value"));
        given().contentType(ContentType.TEXT).body("apiKey=x")
                .post("/api/v1/auth/token/").then()
                .statusCode(415)
                .body("error.code", equalTo("unsupported_media_type"));
    }

    @Test
    void revoked_key_stops_working_at_once_and_its_refresh_tokens_with_it() {
        AuthApi.PartnerWithKey partner = activePartner("Banque Revoquee");
        String refreshToken = token(partner.apiKey()).statusCode(200).extract().path("data.refresh");
        refresh(refreshToken).statusCode(200);

        given().auth().oauth2(operatorToken())
                .delete("/admin/v1/partners/" + partner.partnerId() + "/api-keys/" + partner.keyId() + "/")
                .then().statusCode(200)
                .body("data.active", equalTo(false));

        unauthenticated(token(partner.apiKey()));
        unauthenticated(refresh(refreshToken));
    }

    @Test
    void another_key_of_the_same_partner_keeps_working_after_one_is_revoked() {
        AuthApi.PartnerWithKey partner = activePartner("Banque Rotation");
        String second = AuthApi.issueKey(partner.partnerId()).statusCode(201).extract().path("data.apiKey");
        given().auth().oauth2(operatorToken())
                .delete("/admin/v1/partners/" + partner.partnerId() + "/api-keys/" + partner.keyId())
                .then().statusCode(200);
        unauthenticated(token(partner.apiKey()));
        token(second).statusCode(200);
    }

    @Test
    void suspended_partner_is_403_for_tokens_and_refresh() {
        AuthApi.PartnerWithKey partner = activePartner("Banque Suspendue");
        String refreshToken = token(partner.apiKey()).statusCode(200).extract().path("data.refresh");
        given().auth().oauth2(operatorToken()).post("/admin/v1/partners/" + partner.partnerId() + "/suspend/")
                .then().statusCode(200).body("data.status", equalTo("suspended"));

        token(partner.apiKey()).statusCode(403).body("error.message", equalTo("Not Allowed"));
        refresh(refreshToken).statusCode(403).body("error.message", equalTo("Not Allowed"));
    }

    @Test
    void expired_refresh_token_is_401() {
        AuthApi.PartnerWithKey partner = activePartner("Banque Expiree");
        Instant eightDaysAgo = Instant.now().minus(Duration.ofDays(8));
        QuarkusMock.installMockForType(new TimeSource() {
            @Override
            public Instant now() {
                return eightDaysAgo;
            }
        }, TimeSource.class);
        String refreshToken = token(partner.apiKey()).statusCode(200).extract().path("data.refresh");
        QuarkusMock.installMockForType(new TimeSource(), TimeSource.class);

        unauthenticated(refresh(refreshToken));
    }

    @Test
    void refresh_token_six_days_old_still_works() {
        AuthApi.PartnerWithKey partner = activePartner("Banque Six Jours");
        Instant sixDaysAgo = Instant.now().minus(Duration.ofDays(6));
        QuarkusMock.installMockForType(new TimeSource() {
            @Override
            public Instant now() {
                return sixDaysAgo;
            }
        }, TimeSource.class);
        String refreshToken = token(partner.apiKey()).statusCode(200).extract().path("data.refresh");
        QuarkusMock.installMockForType(new TimeSource(), TimeSource.class);

        refresh(refreshToken).statusCode(200);
    }

    @Test
    void access_token_presented_as_refresh_is_401() {
        AuthApi.PartnerWithKey partner = activePartner("Banque Confusion");
        String access = token(partner.apiKey()).statusCode(200).extract().path("data.access");
        unauthenticated(refresh(access));
        unauthenticated(refresh("garbage"));
    }

    @Test
    void refresh_token_presented_as_access_token_is_401() {
        AuthApi.PartnerWithKey partner = activePartner("Banque Inverse");
        String refreshToken = token(partner.apiKey()).statusCode(200).extract().path("data.refresh");
        unauthenticated(given().auth().oauth2(refreshToken).contentType(ContentType.JSON)
                .body(Map.of("token", refreshToken)).post("/api/v1/auth/token/revoke/").then());
    }

    @Test
    void revoked_refresh_token_is_401_and_revoking_is_idempotent() {
        AuthApi.PartnerWithKey partner = activePartner("Banque Revoke");
        var issued = token(partner.apiKey()).statusCode(200).extract();
        String access = issued.path("data.access");
        String refreshToken = issued.path("data.refresh");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(access).contentType(ContentType.JSON).body(Map.of("token", refreshToken))
                    .post("/api/v1/auth/token/revoke/").then().statusCode(200);
        }
        unauthenticated(refresh(refreshToken));
        // A token obtained afterwards from the same key is unaffected.
        refresh(token(partner.apiKey()).statusCode(200).extract().path("data.refresh")).statusCode(200);
    }

    @Test
    void a_partner_cannot_revoke_another_partners_refresh_token() {
        AuthApi.PartnerWithKey victim = activePartner("Banque Victime");
        AuthApi.PartnerWithKey attacker = activePartner("Banque Attaquante");
        String victimRefresh = token(victim.apiKey()).statusCode(200).extract().path("data.refresh");
        String attackerAccess = token(attacker.apiKey()).statusCode(200).extract().path("data.access");

        given().auth().oauth2(attackerAccess).contentType(ContentType.JSON).body(Map.of("token", victimRefresh))
                .post("/api/v1/auth/token/revoke/").then().statusCode(200);
        refresh(victimRefresh).statusCode(200);
    }

    @Test
    void operator_refresh_tokens_end_when_the_operator_key_changes() {
        String current = com.partnerb2b.platform.test.TestTokens.claims("operator", java.util.Set.of(), Instant.now(), Duration.ofDays(7))
                .audience("partnerb2b-refresh").claim("token_use", "refresh").claim("api_key_id", "operator:" + keyHash(AuthApi.OPERATOR_KEY))
                .jws().keyId(com.partnerb2b.platform.test.TestTokens.KEY_ID).sign(com.partnerb2b.platform.test.TestTokens.testKey());
        refresh(current).statusCode(200);
        String fromAnOldKey = com.partnerb2b.platform.test.TestTokens.claims("operator", java.util.Set.of(), Instant.now(), Duration.ofDays(7))
                .audience("partnerb2b-refresh").claim("token_use", "refresh").claim("api_key_id", "operator:" + keyHash("a-rotated-operator-key"))
                .jws().keyId(com.partnerb2b.platform.test.TestTokens.KEY_ID).sign(com.partnerb2b.platform.test.TestTokens.testKey());
        unauthenticated(refresh(fromAnOldKey));
        // and the operator's real refresh token works
        refresh(token(AuthApi.OPERATOR_KEY).statusCode(200).extract().path("data.refresh")).statusCode(200);
    }

    private static String keyHash(String key) {
        return java.util.HexFormat.of().formatHex(com.partnerb2b.platform.crypto.Digests.sha256(key)).substring(0, 16);
    }

    @Test
    void revoke_needs_authentication() {
        unauthenticated(given().contentType(ContentType.JSON).body(Map.of("token", "x"))
                .post("/api/v1/auth/token/revoke/").then());
    }

    static void unauthenticated(ValidatableResponse response) {
        response.statusCode(401)
                .contentType(ContentType.JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("error.code", equalTo("authentication_error"))
                .body("error.message", equalTo("Authentication Error"))
                .body("meta.request_id", not(nullValue()));
    }
}

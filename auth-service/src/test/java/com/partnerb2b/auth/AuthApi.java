package com.partnerb2b.auth;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The calls an operator and a partner make, for tests to build their situation from. */
final class AuthApi {

    static final String OPERATOR_KEY = "test-operator-key-0123456789abcdef";

    record PartnerWithKey(String partnerId, String keyId, String apiKey) {
    }

    private AuthApi() {
    }

    static ValidatableResponse token(String apiKey) {
        return given().contentType(ContentType.JSON).body(Map.of("apiKey", apiKey))
                .post("/api/v1/auth/token/").then();
    }

    static ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refresh", refreshToken))
                .post("/api/v1/auth/token/refresh/").then();
    }

    static String operatorToken() {
        return token(OPERATOR_KEY).statusCode(200).extract().path("data.access");
    }

    static String createPartner(String name) {
        return given().auth().oauth2(operatorToken()).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/admin/v1/partners/").then().statusCode(201).extract().path("data.pk");
    }

    static void activate(String partnerId) {
        given().auth().oauth2(operatorToken()).post("/admin/v1/partners/" + partnerId + "/activate/")
                .then().statusCode(200);
    }

    static ValidatableResponse issueKey(String partnerId) {
        return given().auth().oauth2(operatorToken()).post("/admin/v1/partners/" + partnerId + "/api-keys/").then();
    }

    static PartnerWithKey pendingPartner(String name) {
        String partnerId = createPartner(name);
        ValidatableResponse key = issueKey(partnerId).statusCode(201);
        return new PartnerWithKey(partnerId, key.extract().path("data.keyId"), key.extract().path("data.apiKey"));
    }

    static PartnerWithKey activePartner(String name) {
        PartnerWithKey partner = pendingPartner(name);
        activate(partner.partnerId());
        return partner;
    }
}

package com.partnerb2b.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class HttpEnvelopeTest {

    @Test
    void unknown_path_is_a_json_404() {
        given().get("/nothing-here/").then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("not_found"));
        // below /api and /admin, a caller learns nothing about which paths exist before showing a token
        given().get("/api/v1/nothing-here/").then().statusCode(401);
        given().auth().oauth2(TestTokens.operator()).get("/api/v1/nothing-here/").then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("not_found"))
                .body("error.message", equalTo("Not Found"))
                .body("error.details.size()", equalTo(0)) // always a list, empty when there is nothing to add
                .body("meta.request_id", not(nullValue()));
    }

    @Test
    void wrong_method_is_a_json_405() {
        given().get("/api/v1/auth/token/").then()
                .statusCode(405)
                .contentType(ContentType.JSON)
                .body("error.message", equalTo("Method Not Allowed"))
                .body("error.details.size()", equalTo(0));
    }

    @Test
    void the_callers_request_id_is_echoed_in_header_and_body() {
        given().header("X-Request-Id", "partner-trace-42").get("/api/v1/auth/jwks.json").then()
                .statusCode(200)
                .header("X-Request-Id", "partner-trace-42");
        given().header("X-Request-Id", "partner-trace-43").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/auth/token/").then()
                .statusCode(400)
                .header("X-Request-Id", "partner-trace-43")
                .body("meta.request_id", equalTo("partner-trace-43"));
    }

    @Test
    void an_unsafe_request_id_is_replaced_by_a_generated_one() {
        given().header("X-Request-Id", "bad id\twith spaces").get("/api/v1/nothing/").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void jwks_publishes_the_public_verification_key_only() {
        for (String path : new String[] { "/api/v1/auth/jwks.json", "/.well-known/jwks.json" }) {
            given().get(path).then()
                    .statusCode(200)
                    .body("keys", hasSize(1))
                    .body("keys[0].kid", equalTo(TestTokens.KEY_ID))
                    .body("keys[0].kty", equalTo("EC"))
                    .body("keys[0].d", nullValue());
        }
    }

    @Test
    void health_endpoints_answer() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
    }
}

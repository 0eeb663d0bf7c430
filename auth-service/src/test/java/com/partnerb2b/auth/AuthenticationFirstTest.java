package com.partnerb2b.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.AuthenticationSweep;
import com.partnerb2b.platform.test.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every partner and operator path of auth-service refuses a caller without a valid token first. */
@QuarkusTest
class AuthenticationFirstTest {

    static final AuthenticationSweep SWEEP = AuthenticationSweep.of("auth-service")
            .publicPaths("/api/v1/auth/token/", "/api/v1/auth/token/refresh/", "/api/v1/auth/jwks.json",
                    "/.well-known/jwks.json");

    @Test
    void every_protected_path_and_method_answers_401_in_the_envelope_without_a_valid_token() {
        assertTrue(SWEEP.protectedPaths().contains("/admin/v1/partners/1/api-keys/1"), SWEEP.protectedPaths().toString());
        SWEEP.run();
    }

    @Test
    void a_body_over_the_size_limit_without_a_token_is_401_not_413() {
        given().contentType(ContentType.JSON).body(new byte[2 * 1024 * 1024]).post("/admin/v1/partners/").then()
                .statusCode(401)
                .body("error.code", equalTo("authentication_error"));
    }

    @Test
    void the_public_paths_stay_public() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/auth/token/").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/auth/token/refresh").then().statusCode(400);
        given().header("Authorization", "Bearer garbage").get("/api/v1/auth/jwks.json").then().statusCode(200);
        given().get("/.well-known/jwks.json").then().statusCode(200);
        given().header("Authorization", "Bearer garbage").get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void with_a_valid_token_the_usual_answers_come_back() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.TEXT).body("x")
                .post("/admin/v1/partners/").then().statusCode(415);
        given().auth().oauth2(TestTokens.operator()).get("/api/v1/nothing-here/").then()
                .statusCode(404).contentType(ContentType.JSON).body("error.message", equalTo("Not Found"));
    }
}

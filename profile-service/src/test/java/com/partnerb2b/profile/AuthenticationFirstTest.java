package com.partnerb2b.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.AuthenticationSweep;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every path of profile-service refuses a caller without a valid token before anything else. */
@QuarkusTest
class AuthenticationFirstTest {

    @Test
    void every_path_and_method_answers_401_in_the_envelope_without_a_valid_token() {
        AuthenticationSweep sweep = AuthenticationSweep.of("profile-service");
        assertTrue(sweep.protectedPaths().contains("/api/v1/profiles/1/documents"), sweep.protectedPaths().toString());
        sweep.run();
    }

    @Test
    void a_json_body_sent_to_the_upload_without_a_token_is_401_not_415() {
        given().contentType(ContentType.JSON).body(Map.of("attribute", "bank_statement"))
                .post("/api/v1/profiles/1/documents/").then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("error.code", equalTo("authentication_error"));
    }
}

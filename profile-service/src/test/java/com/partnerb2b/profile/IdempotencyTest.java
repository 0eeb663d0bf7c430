package com.partnerb2b.profile;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class IdempotencyTest {

    private final ProfileApi partner = new ProfileApi();

    @Test
    void the_same_key_and_body_replay_the_first_answer_and_create_nothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("attributes", ProfileApi.validAttributes(), "externalReference", "IDEM-1");
        Response first = post(key, body);
        Response second = post(key, body);
        first.then().statusCode(201);
        second.then().statusCode(201);
        assertEquals(first.jsonPath().getLong("data.pk"), second.jsonPath().getLong("data.pk"));
        assertEquals(first.asString(), second.asString());
        partner.request().get("/api/v1/profiles/?externalReference=IDEM-1").then().body("meta.total", equalTo(1));
    }

    @Test
    void the_same_key_with_another_body_is_422() {
        String key = UUID.randomUUID().toString();
        post(key, Map.of("attributes", ProfileApi.validAttributes())).then().statusCode(201);
        post(key, Map.of("attributes", ProfileApi.with("firstname", "Autre"))).then()
                .statusCode(422)
                .body("error.code", equalTo("idempotency_key_reused"));
    }

    @Test
    void keys_are_per_partner() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("attributes", ProfileApi.validAttributes());
        long mine = post(key, body).then().statusCode(201).extract().jsonPath().getLong("data.pk");
        ProfileApi other = new ProfileApi();
        long theirs = other.request().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/profiles/").then().statusCode(201).extract().jsonPath().getLong("data.pk");
        assertEquals(false, mine == theirs);
    }

    @Test
    void a_failed_request_is_not_remembered() {
        String key = UUID.randomUUID().toString();
        post(key, Map.of("attributes", ProfileApi.with("gender", "X"))).then().statusCode(400);
        post(key, Map.of("attributes", ProfileApi.validAttributes())).then().statusCode(201);
    }

    @Test
    void a_key_past_its_retention_creates_a_new_profile_and_replays_that_one() throws Exception {
        String key = UUID.randomUUID().toString();
        long first = post(key, Map.of("attributes", ProfileApi.validAttributes())).then().statusCode(201)
                .extract().jsonPath().getLong("data.pk");
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement aged = connection.prepareStatement(
                        "UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE idempotency_key = ?")) {
            aged.setString(1, key);
            assertEquals(1, aged.executeUpdate());
        }
        Map<String, Object> another = Map.of("attributes", ProfileApi.with("identity_document_number", "ZX987654"));
        long second = post(key, another).then().statusCode(201).extract().jsonPath().getLong("data.pk");
        assertNotEquals(first, second);
        assertEquals(second, post(key, another).then().statusCode(201).extract().jsonPath().getLong("data.pk"));
        partner.request().get("/api/v1/profiles/" + second + "/").then().statusCode(200)
                .body("data.profileattribute_set.find { it.attribute.name == 'identity_document_number' }.value", equalTo("ZX987654"));
    }

    @Test
    void a_key_longer_than_255_characters_is_400_and_creates_nothing() {
        String reference = "LONGKEY-" + UUID.randomUUID();
        post("k".repeat(256), Map.of("attributes", ProfileApi.validAttributes(), "externalReference", reference)).then()
                .statusCode(400)
                .body("error.code", equalTo("invalid_value"))
                .body("error.details[0].field", equalTo("Idempotency-Key"));
        partner.request().get("/api/v1/profiles/?externalReference=" + reference).then().body("meta.total", equalTo(0));
    }

    private Response post(String key, Object body) {
        return partner.request().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/v1/profiles/");
    }
}

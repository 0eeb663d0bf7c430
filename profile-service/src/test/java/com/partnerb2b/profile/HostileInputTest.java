package com.partnerb2b.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.test.PostgresTestResource;
import com.partnerb2b.platform.test.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Inputs meant to break things get a 4xx, never a 500, and never slow the service down. */
@QuarkusTest
class HostileInputTest {

    private final ProfileApi partner = new ProfileApi();

    @TestHTTPResource("/api/v1/profiles/")
    URI profiles;

    @Test
    void control_characters_are_refused() {
        partner.create(ProfileApi.with("lastname", "Dup\u0000ont")).statusCode(400).body("error.message", equalTo("Type Error"));
        partner.request().contentType(ContentType.JSON)
                .body(Map.of("attributes", ProfileApi.validAttributes(), "externalReference", "A\u0000B"))
                .post("/api/v1/profiles/").then().statusCode(400);
        partner.request().urlEncodingEnabled(false).get("/api/v1/profiles/?externalReference=%00").then()
                .statusCode(400).body("error.details[0].field", equalTo("externalReference"));
    }

    /** Found by e2e-tests' BadInputIT: the multipart parser's IOException was a 500. */
    @Test
    void a_multipart_body_that_breaks_its_own_boundary_is_a_400_envelope() {
        long pk = partner.createValid();
        String wrongBoundary = "--fuzz1\r\nContent-Disposition: form-data; name=\"attribute\"\r\n\r\nbank_statement\r\n--fuzz1--\r\n";
        String truncated = "--fuzz2\r\nContent-Disposition: form-data\r\n\r\ngarbage";
        for (String[] body : new String[][] { { "other", wrongBoundary }, { "fuzz2", truncated } }) {
            partner.request().contentType("multipart/form-data; boundary=" + body[0]).body(body[1].getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/profiles/" + pk + "/documents/").then().statusCode(400)
                    .body("error.code", equalTo("bad_request"))
                    .body("error.details[0].message", equalTo("malformed multipart/form-data"))
                    .body("meta.request_id", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void a_long_value_under_a_regex_is_refused_by_its_length_before_the_regex_runs() {
        // "Invalid length", not "Regex match invalid": the cubic e-mail regex never saw the value.
        String evil = "@".repeat(5000) + ".".repeat(5000) + " ";
        partner.create(ProfileApi.with("email", evil)).statusCode(400).body("error.message", equalTo("Invalid length"))
                .body("error.details[0].field", equalTo("email"));
        partner.create(ProfileApi.with("lastname", "x".repeat(3000))).statusCode(400).body("error.message", equalTo("Invalid length"));
    }

    @Test
    void a_json_body_of_unannounced_length_is_411_not_read_up_to_the_documents_limit() throws Exception {
        // A valid profile: refused for its missing length alone, whatever its size (nothing of it is read).
        byte[] body = new ObjectMapper().writeValueAsBytes(Map.of("attributes", ProfileApi.validAttributes()));
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(profiles).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + partner.token()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))) // chunked
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(411, answer.statusCode(), answer.body());
        JsonPath error = JsonPath.from(answer.body());
        assertEquals("length_required", error.getString("error.code"));
        assertEquals("Content-Length", error.getString("error.details[0].field"));
        partner.request().get("/api/v1/profiles/").then().statusCode(200).body("data.size()", equalTo(0));
        // the same body with its length is taken
        partner.request().contentType(ContentType.JSON).body(body).post("/api/v1/profiles/").then().statusCode(201);
    }

    @Test
    void a_json_body_over_1_mb_is_413_though_documents_may_be_larger() {
        String big = "{\"attributes\": {\"lastname\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
        partner.request().contentType(ContentType.JSON).body(big.getBytes(StandardCharsets.UTF_8)).post("/api/v1/profiles/").then()
                .statusCode(413).body("error.code", equalTo("payload_too_large"));
        given().contentType(ContentType.JSON).body(big.getBytes(StandardCharsets.UTF_8)).post("/api/v1/profiles/").then()
                .statusCode(401).body("error.code", equalTo("authentication_error")); // who asks comes first
        long pk = partner.createValid();
        partner.request().contentType(ContentType.JSON).body(big.getBytes(StandardCharsets.UTF_8)).patch("/api/v1/profiles/" + pk + "/").then()
                .statusCode(413).body("error.code", equalTo("payload_too_large"));
        // A document over 1 MB (the bank statement's maxSize is 10 MB) is still taken.
        byte[] pdf = DocumentTest.pdfOfSize(1_200_000);
        partner.request().multiPart("attribute", "bank_statement").multiPart("file", "statement.pdf", pdf, "application/pdf")
                .post("/api/v1/profiles/" + pk + "/documents/").then().statusCode(201);
    }

    @Test
    void absurd_numbers_are_type_errors() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "debt_ratio", "displayedName", "Taux d'endettement", "type", "float", "category", "diverse"))
                .post("/admin/v1/attributes/").then().statusCode(201);
        partner.create(ProfileApi.with("debt_ratio", "1e99999999")).statusCode(400).body("error.message", equalTo("Type Error"));
        partner.create(ProfileApi.with("debt_ratio", "0.35")).statusCode(201);
        partner.create(ProfileApi.with("children_number", 12345678901234567890.0)).statusCode(400);
    }

    @Test
    void a_page_far_beyond_the_end_is_400_not_an_overflow() {
        partner.request().get("/api/v1/profiles/?page=107374184&limit=20").then().statusCode(400)
                .body("error.details[0].field", equalTo("page"));
        partner.request().get("/api/v1/profiles/?page=999999").then().statusCode(200);
    }

    @Test
    void operator_mistakes_in_the_catalogue_are_4xx() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\": \"odd_choice\", \"displayedName\": \"X\", \"type\": \"choice\", \"category\": \"diverse\", \"choices\": [null]}")
                .post("/admin/v1/attributes/").then().statusCode(400);
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "bad_regex", "displayedName", "X", "type", "string", "category", "diverse", "regex", "(["))
                .post("/admin/v1/attributes/").then().statusCode(400).body("error.details[0].field", equalTo("regex"));
    }

    @Test
    void concurrent_requests_with_one_idempotency_key_never_fail_with_500() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("attributes", ProfileApi.validAttributes(), "externalReference", "RACE-" + key);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> partner.request().header("Idempotency-Key", key)
                    .contentType(ContentType.JSON).body(body).post("/api/v1/profiles/").statusCode()));
        }
        for (CompletableFuture<Integer> call : calls) {
            org.hamcrest.MatcherAssert.assertThat(call.join(), oneOf(201, 409));
        }
        partner.request().get("/api/v1/profiles/?externalReference=RACE-" + key).then().body("meta.total", equalTo(1));
    }

    @Test
    void concurrent_uploads_for_one_attribute_take_turns_and_the_last_one_stays() throws Exception {
        long pk = partner.createValid();
        List<CompletableFuture<io.restassured.response.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            calls.add(CompletableFuture.supplyAsync(() -> partner.request().multiPart("attribute", "payslip")
                    .multiPart("file", "bulletin" + n + ".pdf", DocumentTest.pdf("Bulletin " + n), "application/pdf")
                    .post("/api/v1/profiles/" + pk + "/documents/")));
        }
        List<Long> uploaded = new ArrayList<>();
        for (CompletableFuture<io.restassured.response.Response> call : calls) {
            io.restassured.response.Response response = call.join();
            org.hamcrest.MatcherAssert.assertThat(response.asString(), response.statusCode(), equalTo(201));
            uploaded.add(response.jsonPath().getLong("data.pk"));
        }
        // Each upload replaced the one before it: one document remains, the one with the highest id.
        long last = uploaded.stream().mapToLong(Long::longValue).max().orElseThrow();
        partner.request().get("/api/v1/profiles/" + pk + "/documents/").then()
                .body("data.size()", equalTo(1)).body("data[0].pk", equalTo((int) last));
        assertEquals(1, ProfileLifecycleTest.count("SELECT count(*) FROM document_contents c JOIN documents d ON d.id = c.document_id"
                + " WHERE d.profile_id = ?", pk), "the replaced documents' contents are gone");
    }

    @Test
    void the_stored_idempotent_answer_is_encrypted() throws Exception {
        String secret = "PASSPORT-" + UUID.randomUUID().toString().substring(0, 8);
        partner.request().header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(Map.of("attributes", ProfileApi.with("identity_document_number", secret, "lastname", "Secretname")))
                .post("/api/v1/profiles/").then().statusCode(201);
        try (Connection connection = PostgresTestResource.database().connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT response_cipher FROM idempotency_keys")) {
            while (rs.next()) {
                String stored = new String(rs.getBytes(1), StandardCharsets.ISO_8859_1);
                assertFalse(stored.contains(secret));
                assertFalse(stored.contains("Secretname"));
            }
        }
    }
}

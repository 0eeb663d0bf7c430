package com.partnerb2b.profile;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.partnerb2b.platform.events.ProfileErased;
import com.partnerb2b.platform.test.EventSchemas;
import com.partnerb2b.platform.test.TestTopics;
import com.partnerb2b.platform.tracing.TraceParents;
import com.partnerb2b.platform.test.PostgresTestResource;
import com.partnerb2b.platform.test.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class ProfileSubmittedEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DECIMAL = "event_debt_ratio";
    private static final String JSON_VALUE = "event_preferences";
    private final ProfileApi partner = new ProfileApi();

    @Test
    void submit_publishes_one_v2_cloudevent_with_typed_values_keyed_by_the_profile() throws Exception {
        addAttribute(Map.of("name", DECIMAL, "displayedName", "Taux d'endettement", "type", "float", "category", "diverse"));
        addAttribute(Map.of("name", JSON_VALUE, "displayedName", "Préférences", "type", "json", "category", "diverse"));
        long pk = partner.request().contentType(ContentType.JSON)
                .body(Map.of("attributes", ProfileApi.with("identity_document_number", "SECRET-ID-42",
                        "means_of_movement", List.of("vélo", "auto"), "requested_amount", 15000, "children_number", "2",
                        "scholarship_student", true, DECIMAL, 0.35, JSON_VALUE, Map.of("channel", "sms", "optIn", true)),
                        "externalReference", "EVT-1"))
                .post("/api/v1/profiles/").then().statusCode(201).extract().jsonPath().getLong("data.pk");
        DocumentTest.uploadPdf(partner, pk, "bank_statement");
        partner.submit(pk).statusCode(200);

        List<String> eventIds = OutboxRows.eventIds(pk);
        assertEquals(1, eventIds.size(), "one event per submission");
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("partnerb2b_profiles_submitted_total") && !l.endsWith(" 0.0")), "submits counted");
        assertTrue(metrics.contains("partnerb2b_outbox_pending_events"), "the outbox lag is measured");
        assertTrue(metrics.contains("kafka_consumer_fetch_manager_records_lag"), "the consumer's lag is measured");
        ConsumerRecord<String, String> record = TestTopics.awaitEvent("profile-submitted", eventIds.get(0), WAIT);
        assertEquals(String.valueOf(pk), record.key());
        JsonNode event = JSON.readTree(record.value());
        assertEquals("1.0", event.path("specversion").asText());
        assertEquals("com.partnerb2b.profile.submitted.v2", event.path("type").asText());
        assertEquals("/partnerb2b/profile-service", event.path("source").asText());
        assertEquals(String.valueOf(pk), event.path("subject").asText());
        assertEquals(eventIds.get(0), event.path("id").asText());
        assertNotNull(Instant.parse(event.path("time").asText()));
        // The submit request's trace goes on through the outbox: the event names it, and the record's
        // traceparent header (the relay's producer span) belongs to the same trace.
        String traceId = TraceParents.traceId(event.path("traceparent").asText(null));
        assertNotNull(traceId, "the event carries the submit's traceparent: " + event);
        var header = record.headers().lastHeader("traceparent");
        assertNotNull(header, "the record carries a traceparent header");
        assertEquals(traceId, TraceParents.traceId(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("application/cloudevents+json",
                new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));

        JsonNode data = event.path("data");
        assertEquals(partner.partnerId.toString(), data.path("partnerId").asText());
        assertTrue(data.path("profilePk").isIntegralNumber());
        assertEquals(pk, data.path("profilePk").asLong());
        assertNotNull(UUID.fromString(data.path("submissionId").asText()));
        assertTrue(data.path("catalogueVersion").isIntegralNumber());
        assertEquals(catalogueVersion(), data.path("catalogueVersion").asLong(), "the catalogue the submit checked against");
        assertEquals("EVT-1", data.path("externalReference").asText());
        assertEquals(event.path("time").asText(), data.path("submittedAt").asText());

        JsonNode attributes = data.path("attributes");
        assertInteger(2800, attributes.path("monthly_income"));
        assertInteger(15000, attributes.path("requested_amount"));
        assertInteger(2, attributes.path("children_number"));
        assertTrue(attributes.path("scholarship_student").isBoolean(), attributes.toString());
        assertTrue(attributes.path("scholarship_student").booleanValue());
        assertTrue(attributes.path("birth_date").isTextual());
        assertEquals("1988-04-12", attributes.path("birth_date").asText());
        assertEquals(JSON.readTree("[\"vélo\", \"auto\"]"), attributes.path("means_of_movement"));
        assertTrue(attributes.path(DECIMAL).isFloatingPointNumber(), attributes.toString());
        assertEquals(0.35, attributes.path(DECIMAL).doubleValue());
        assertEquals(JSON.readTree("{\"channel\": \"sms\", \"optIn\": true}"), attributes.path(JSON_VALUE));
        assertEquals("Dupont", attributes.path("lastname").asText());
        assertTrue(attributes.path("identity_document_number").isMissingNode(), "no sensitive value");
        assertTrue(attributes.path("bank_statement").isMissingNode(), "no document");
        assertFalse(record.value().contains("SECRET-ID-42"));

        // What the partner (and analysis-service, with the partner's token) reads is this submission.
        String submissionId = data.path("submissionId").asText();
        partner.get(pk).statusCode(200).body("data.status", equalTo("complete")).body("data.submissionId", equalTo(submissionId));
        partner.request().get("/api/v1/profiles/").then().statusCode(200)
                .body("data.find { it.pk == " + pk + " }.submissionId", equalTo(submissionId));
    }

    @Test
    void a_published_event_follows_the_asyncapi_schema_and_a_text_number_does_not() throws Exception {
        long pk = partner.createValid();
        partner.submit(pk).statusCode(200);
        String published = TestTopics.awaitEvent("profile-submitted", OutboxRows.eventIds(pk).get(0), WAIT).value();

        assertEquals(List.of(), EventSchemas.problems("profileSubmittedEvent", published));

        ObjectNode textNumber = (ObjectNode) JSON.readTree(published);
        ((ObjectNode) textNumber.path("data").path("attributes")).put("monthly_income", "2800");
        List<String> problems = EventSchemas.problems("profileSubmittedEvent", textNumber.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("monthly_income")), problems.toString());

        ObjectNode textPk = (ObjectNode) JSON.readTree(published);
        ((ObjectNode) textPk.path("data")).put("profilePk", String.valueOf(pk));
        problems = EventSchemas.problems("profileSubmittedEvent", textPk.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("profilePk")), problems.toString());
    }

    @Test
    void each_submit_is_a_new_submission_and_a_change_clears_it() throws Exception {
        long pk = partner.createValid();
        partner.get(pk).body("data.submissionId", nullValue());
        partner.submit(pk).statusCode(200);
        JsonNode first = submittedData(pk, 0);
        assertEquals(first.path("submissionId").asText(), partner.submissionId(pk));

        // Submitting a submitted profile again is no new submission.
        partner.submit(pk).statusCode(200);
        assertEquals(1, OutboxRows.eventIds(pk).size());

        partner.patch(pk, Map.of("monthly_income", 3100)).statusCode(200)
                .body("data.status", equalTo("draft")).body("data.submissionId", nullValue());
        partner.request().get("/api/v1/profiles/").then().statusCode(200)
                .body("data.find { it.pk == " + pk + " }.submissionId", nullValue());

        partner.submit(pk).statusCode(200);
        JsonNode second = submittedData(pk, 1);
        assertNotEquals(first.path("submissionId").asText(), second.path("submissionId").asText());
        assertEquals(second.path("submissionId").asText(), partner.submissionId(pk));
        assertEquals(3100, second.path("attributes").path("monthly_income").intValue());
        partner.get(pk).body("data.status", Matchers.equalTo("complete"));
    }

    @Test
    void deleting_a_profile_erases_its_submission_events_and_publishes_its_erasure_under_its_key() throws Exception {
        long pk = partner.createValid();
        partner.submit(pk).statusCode(200);
        String submittedId = OutboxRows.eventIds(pk).get(0);
        TestTopics.awaitEvent("profile-submitted", submittedId, WAIT);

        partner.request().delete("/api/v1/profiles/" + pk + "/").then().statusCode(200);

        List<String> left = OutboxRows.eventIds(pk);
        assertEquals(1, left.size(), "the submission's event (its values) erased, the erasure's written");
        assertNotEquals(submittedId, left.get(0));
        ConsumerRecord<String, String> record = TestTopics.awaitEvent("profile-submitted", left.get(0), WAIT);
        assertEquals(String.valueOf(pk), record.key(), "the profile's key: after its submissions, in their partition");
        assertEquals(List.of(), EventSchemas.problems("profileErasedEvent", record.value()), "docs/asyncapi.yaml describes it");
        JsonNode event = JSON.readTree(record.value());
        assertEquals(ProfileErased.TYPE, event.path("type").asText());
        assertEquals(pk, event.path("data").path("profilePk").longValue());
        assertEquals(partner.partnerId.toString(), event.path("data").path("partnerId").asText());
        assertFalse(record.value().contains("attributes"), "no value of the erased profile: " + record.value());

        // A second delete: 404, and nothing more published.
        partner.request().delete("/api/v1/profiles/" + pk + "/").then().statusCode(404);
        assertEquals(left, OutboxRows.eventIds(pk));
    }

    /** The data of the profile's n-th profile-submitted event, as published on Kafka. */
    private static JsonNode submittedData(long pk, int n) throws Exception {
        List<String> ids = OutboxRows.eventIds(pk);
        assertEquals(n + 1, ids.size(), "events of profile " + pk);
        return JSON.readTree(TestTopics.awaitEvent("profile-submitted", ids.get(n), WAIT).value()).path("data");
    }

    private static void assertInteger(long expected, JsonNode value) {
        assertTrue(value.isIntegralNumber(), value + " is a JSON integer");
        assertEquals(expected, value.longValue());
    }

    /** Adds an attribute to the catalogue unless an earlier test did. */
    private static void addAttribute(Map<String, Object> attribute) {
        RestAssured.given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(attribute)
                .post("/admin/v1/attributes/").then().statusCode(Matchers.anyOf(equalTo(201), equalTo(409)));
    }

    private static long catalogueVersion() throws Exception {
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement statement = connection.prepareStatement("SELECT version FROM catalogue_version");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

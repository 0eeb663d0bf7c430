package com.partnerb2b.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ProfileSubmittedEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProfileApi partner = new ProfileApi();

    @Test
    void submit_publishes_one_cloudevent_keyed_by_the_profile() throws Exception {
        long pk = partner.request().contentType(ContentType.JSON)
                .body(Map.of("attributes", ProfileApi.with("identity_document_number", "SECRET-ID-42",
                        "means_of_movement", List.of("vélo", "auto"), "requested_amount", 15000), "externalReference", "EVT-1"))
                .post("/api/v1/profiles/").then().statusCode(201).extract().jsonPath().getLong("data.pk");
        DocumentTest.uploadPdf(partner, pk, "bank_statement");
        partner.submit(pk).statusCode(200);

        List<String> eventIds = OutboxRows.eventIds(pk);
        assertEquals(1, eventIds.size(), "one event per submission");
        ConsumerRecord<String, String> record = KafkaEvents.awaitEvent("profile-submitted", eventIds.get(0), Duration.ofSeconds(30));
        assertEquals(String.valueOf(pk), record.key());
        JsonNode event = JSON.readTree(record.value());
        assertEquals("1.0", event.path("specversion").asText());
        assertEquals("com.partnerb2b.profile.submitted.v1", event.path("type").asText());
        assertEquals("/partnerb2b/profile-service", event.path("source").asText());
        assertEquals(String.valueOf(pk), event.path("subject").asText());
        assertFalse(event.path("id").asText().isEmpty());
        assertNotNull(Instant.parse(event.path("time").asText()));
        assertEquals("application/cloudevents+json",
                new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));

        JsonNode data = event.path("data");
        assertEquals(partner.partnerId.toString(), data.path("partnerId").asText());
        assertEquals(pk, data.path("profilePk").asLong());
        assertEquals("EVT-1", data.path("externalReference").asText());
        assertEquals("2800", data.path("attributes").path("monthly_income").asText());
        assertEquals("15000", data.path("attributes").path("requested_amount").asText());
        assertEquals(2, data.path("attributes").path("means_of_movement").size());
        assertTrue(data.path("attributes").path("identity_document_number").isMissingNode(), "no sensitive value");
        assertTrue(data.path("attributes").path("bank_statement").isMissingNode(), "no document");
        assertFalse(record.value().contains("SECRET-ID-42"));
    }
}

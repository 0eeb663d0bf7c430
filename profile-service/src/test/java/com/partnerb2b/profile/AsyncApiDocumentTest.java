package com.partnerb2b.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.partnerb2b.platform.test.EventSchemas;
import com.partnerb2b.platform.events.AnalysisCompleted;
import com.partnerb2b.platform.events.ProfileErased;
import com.partnerb2b.platform.events.ProfileSubmitted;

/** docs/asyncapi.yaml describes the v2 events, and its examples follow its own schemas. */
class AsyncApiDocumentTest {

    @Test
    void the_document_is_version_2_with_the_v2_types() throws Exception {
        JsonNode document = EventSchemas.asyncApi();
        assertEquals("2.0.0", document.path("info").path("version").asText());
        JsonNode messages = document.path("components").path("messages");
        assertEquals(ProfileSubmitted.TYPE, messages.path("profileSubmitted").path("name").asText());
        assertEquals(ProfileErased.TYPE, messages.path("profileErased").path("name").asText());
        assertEquals(AnalysisCompleted.TYPE, messages.path("analysisCompleted").path("name").asText());
    }

    @Test
    void every_example_follows_its_message_schema() throws Exception {
        JsonNode messages = EventSchemas.asyncApi().path("components").path("messages");
        int checked = 0;
        for (String message : List.of("profileSubmitted", "profileErased", "analysisCompleted")) {
            String schema = messages.path(message).path("payload").path("$ref").asText().replace("#/components/schemas/", "");
            for (JsonNode example : messages.path(message).path("examples")) {
                assertEquals(List.of(), EventSchemas.problems(schema, example.path("payload").toString()), message);
                checked++;
            }
        }
        assertEquals(3, checked, "one example per message");
    }

    @Test
    void the_schemas_refuse_a_v1_payload() throws Exception {
        JsonNode example = EventSchemas.asyncApi().path("components").path("messages").path("profileSubmitted")
                .path("examples").get(0).path("payload");
        ObjectNode v1 = example.deepCopy();
        v1.put("type", "com.partnerb2b.profile.submitted.v1");
        ((ObjectNode) v1.path("data")).remove("submissionId");
        ((ObjectNode) v1.path("data").path("attributes")).put("monthly_income", "2800");
        List<String> problems = EventSchemas.problems("profileSubmittedEvent", v1.toString());
        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().anyMatch(p -> p.contains("submissionId")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("monthly_income")), problems.toString());
    }
}

package com.partnerb2b.analysis;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.events.AnalysisCompleted;
import com.partnerb2b.platform.test.EventSchemas;
import com.partnerb2b.platform.test.TestTopics;
import com.partnerb2b.platform.tracing.TraceParents;
import com.partnerb2b.scorecard.Reason;
import com.partnerb2b.scorecard.ScoreResult;
import com.partnerb2b.scorecard.Scorecard;

import io.quarkus.test.junit.QuarkusTest;

/** A submission arrives, the partner asks for its analysis, gets it scored and explained, and the result is published. */
@QuarkusTest
class AnalysisFlowTest {

    private static final Scorecard SCORECARD = Scorecard.reference();

    @Test
    void a_submitted_profile_is_scored_explained_and_published() throws Exception {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        Map<String, Object> values = Partner.customer();
        Instant submittedAt = Instant.parse("2026-11-20T10:00:00Z");
        UUID submission = partner.submit(pk, values, submittedAt);
        Partner.awaitKept(submission);

        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        long analysisPk = partner.requestAnalysis(pk, "00-" + traceId + "-00f067aa0ba902b7-01").statusCode(201)
                .body("data.message", equalTo("Vous venez de faire une demande d'analyse pour le profile " + pk))
                .body("data.status", equalTo("pending"))
                .extract().jsonPath().getLong("data.pk");

        // Ages are taken on the submission date: the same scorecard on the same values gives this.
        ScoreResult expected = SCORECARD.score(values, LocalDate.of(2026, 11, 20));
        var finished = partner.awaitFinished(analysisPk)
                .body("data.pk", equalTo((int) analysisPk))
                .body("data.profile", equalTo((int) pk))
                .body("data.submissionId", equalTo(submission.toString()))
                .body("data.externalReference", equalTo("CLIENT-" + pk))
                .body("data.status", equalTo("completed"))
                .body("data.score", equalTo(expected.score()))
                .body("data.grade", equalTo(expected.grade()))
                .body("data.version", equalTo(SCORECARD.id()))
                .body("data.createdAt", notNullValue())
                .body("data.completedAt", notNullValue())
                // 10,000 over 24 months at 6 %: 443.21 a month; (900 + 443.21) / 2,800 = 47.97 % > 35 %.
                .body("data.affordability.monthly_instalment", equalTo(443.21f))
                .body("data.affordability.debt_to_income_ratio", equalTo(0.4797f))
                .body("data.affordability.debt_to_income_limit", equalTo(0.35f))
                .body("data.affordability.exceeds_limit", equalTo(true))
                .body("data.missing_inputs", equalTo(List.of()))
                .body("data.failure_reason", nullValue());
        var json = finished.extract().jsonPath();
        assertEquals(expected.probabilityOfDefault(), json.getDouble("data.probability_of_default"), 1e-6);
        assertEquals(expected.reasons().stream().map(Reason::code).toList(), json.getList("data.reasons.code"));
        assertEquals(expected.reasons().stream().map(Reason::label).toList(), json.getList("data.reasons.label"));
        assertTrue(json.getList("data.reasons").size() <= 4);
        // Over the debt-to-income limit, the decision is at best review.
        String byScore = SCORECARD.defaultThresholds().decide(expected.score());
        assertEquals("approve".equals(byScore) ? "review" : byScore, json.getString("data.decision"));

        ConsumerRecord<String, String> record = TestTopics.await(AnalysisCompleted.TOPIC,
                r -> r.value().contains("\"analysisPk\":" + analysisPk + ","), Duration.ofSeconds(30));
        assertEquals(String.valueOf(pk), record.key());
        assertEquals(List.of(), EventSchemas.problems("analysisCompletedEvent", record.value()), "docs/asyncapi.yaml describes it");
        JsonNode event = new ObjectMapper().readTree(record.value());
        assertEquals(AnalysisCompleted.TYPE, event.path("type").asText());
        assertEquals(String.valueOf(pk), event.path("subject").asText());
        JsonNode data = event.path("data");
        assertEquals(partner.id.toString(), data.path("partnerId").asText());
        assertEquals(submission.toString(), data.path("submissionId").asText());
        assertEquals(expected.score(), data.path("score").asInt());
        assertEquals("completed", data.path("status").asText());
        assertEquals(json.getString("data.decision"), data.path("decision").asText());
        // The event continues the trace of the request that asked for the analysis: in the event
        // (CloudEvents traceparent) and in the Kafka record header, each naming a span of its own.
        assertEquals(traceId, TraceParents.traceId(event.path("traceparent").asText()), event.toString());
        var header = record.headers().lastHeader("traceparent");
        assertNotNull(header, "the record carries a traceparent header");
        String recordTraceparent = new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(traceId, TraceParents.traceId(recordTraceparent), recordTraceparent);
        assertNotEquals("00f067aa0ba902b7", recordTraceparent.split("-")[2], "a span of analysis-service, not the caller's");
    }

    @Test
    void an_analysis_is_scored_on_its_own_submission_even_after_the_profile_is_submitted_again() throws Exception {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        Map<String, Object> first = Partner.customer();
        long firstAnalysis = partner.submitAndRequest(pk, first);
        partner.awaitFinished(firstAnalysis).body("data.status", equalTo("completed"));

        Map<String, Object> second = Partner.customer();
        second.put("checking_account_status", "débiteur");
        second.put("credit_history", "retards_passés");
        long secondAnalysis = partner.submitAndRequest(pk, second);
        int secondScore = partner.awaitFinished(secondAnalysis).extract().jsonPath().getInt("data.score");
        int firstScore = partner.analysis(firstAnalysis).extract().jsonPath().getInt("data.score");
        assertTrue(secondScore < firstScore, "worse history and an overdrawn account lower the score: " + firstScore + " → " + secondScore);

        partner.analysesOf(pk, "?limit=1").statusCode(200)
                .body("data.pk", equalTo(List.of((int) secondAnalysis)))
                .body("meta.total", equalTo(2));
        partner.analysesOf(pk, "?page=2&limit=1").statusCode(200).body("data.pk", equalTo(List.of((int) firstAnalysis)));
    }

    @Test
    void a_profile_without_what_the_scorecard_needs_is_still_scored_and_says_what_was_missing() throws Exception {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        Map<String, Object> values = Map.of("lastname", "Martin", "monthly_income", 1800, "monthly_charges", 300);
        long analysisPk = partner.submitAndRequest(pk, values);
        ScoreResult expected = SCORECARD.score(values, LocalDate.now(java.time.ZoneOffset.UTC));
        partner.awaitFinished(analysisPk)
                .body("data.status", equalTo("completed"))
                .body("data.score", equalTo(expected.score()))
                .body("data.missing_inputs", hasItems("requested_amount", "credit_duration_months", "checking_account_status"))
                .body("data.affordability.monthly_instalment", nullValue())
                .body("data.affordability.exceeds_limit", nullValue())
                .body("data.affordability.missing_inputs", equalTo(List.of("requested_amount", "credit_duration_months")));
    }
}

package com.partnerb2b.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.partnerb2b.platform.test.EventSchemas;
import com.partnerb2b.platform.test.TestTopics;
import com.partnerb2b.platform.events.AnalysisCompleted;
import com.partnerb2b.platform.test.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * analysis-completed v2 as analysis-service publishes it. To prove an event was ignored, a marker
 * event follows it on the same key (so the same partition, consumed in order): once the marker's
 * effect shows, the ignored event has been consumed.
 */
@QuarkusTest
class AnalysisCompletedConsumerTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void the_analysis_of_the_current_submission_is_shown_and_a_redelivered_event_changes_nothing() throws Exception {
        ProfileApi partner = new ProfileApi();
        long pk = partner.createValid();
        partner.submit(pk).statusCode(200);
        UUID submission = UUID.fromString(partner.submissionId(pk));

        String eventId = UUID.randomUUID().toString();
        String event = event(eventId, analysis(partner.partnerId, pk, submission, 712));
        assertEquals(List.of(), EventSchemas.problems("analysisCompletedEvent", event), "what analysis-service publishes");
        TestTopics.send("analysis-completed", String.valueOf(pk), event);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> partner.get(pk)
                .body("data.status", equalTo("analyzed"))
                .body("data.submissionId", equalTo(submission.toString()))
                .body("data.last_analyse.pk", equalTo(9))
                .body("data.last_analyse.score", equalTo(712))
                .body("data.last_analyse.status", equalTo("completed"))
                .body("data.last_analyse.grade", equalTo("B"))
                .body("data.last_analyse.probability_of_default", equalTo(0.043f))
                .body("data.last_analyse.decision", equalTo("approve"))
                .body("data.last_analyse.submissionId", equalTo(submission.toString()))
                .body("data.last_analyse.completedAt", equalTo("2026-11-25T10:00:01Z"))
                .body("data.last_analyse.version", equalTo("german-credit-scorecard-1.0"))
                .body("data.last_analyse.details.reasons[0].code", equalTo("HIGH_DEBT_TO_INCOME"))
                .body("data.last_analyse.details.reasons[0].attribute", equalTo("monthly_charges"))
                .body("data.last_analyse.details.affordability.exceedsLimit", equalTo(true))
                .body("data.last_analyse.details.affordability.monthlyInstalment", equalTo(452.31f))
                .body("data.last_analyse.details.missingInputs", Matchers.contains("savings_amount"))
                .body("data.last_analyse.details.failureReason", nullValue()));
        // the list's totals by status follow complete -> analyzed
        partner.request().get("/api/v1/profiles/?status=analyzed").then().statusCode(200).body("meta.total", equalTo(1));
        partner.request().get("/api/v1/profiles/?status=complete").then().statusCode(200).body("meta.total", equalTo(0));
        long version = rowVersion(pk);

        // The same event again, identical (a redelivery) and with other content under the same id:
        // neither changes anything. A marker for another profile follows on the same key.
        TestTopics.send("analysis-completed", String.valueOf(pk), event);
        TestTopics.send("analysis-completed", String.valueOf(pk), event(eventId, analysis(partner.partnerId, pk, submission, 100)));
        long other = partner.createValid();
        partner.submit(other).statusCode(200);
        sendMarker(pk, partner, other, 500);

        partner.get(pk).body("data.last_analyse.score", equalTo(712));
        assertEquals(version, rowVersion(pk), "the profile row was not written again");
        assertEquals(1, FailedEventRows.timesProcessed(eventId), "the event is recorded as handled once");
    }

    @Test
    void a_result_for_a_superseded_submission_is_ignored() throws Exception {
        ProfileApi partner = new ProfileApi();
        long pk = partner.createValid();
        partner.submit(pk).statusCode(200);
        UUID first = UUID.fromString(partner.submissionId(pk));
        partner.patch(pk, java.util.Map.of("monthly_income", 1900)).statusCode(200);
        partner.submit(pk).statusCode(200);
        UUID second = UUID.fromString(partner.submissionId(pk));

        // The first submission's analysis completes after the profile was changed and submitted again.
        TestTopics.send("analysis-completed", String.valueOf(pk), event(UUID.randomUUID().toString(),
                analysis(partner.partnerId, pk, first, 801)));
        long other = partner.createValid();
        partner.submit(other).statusCode(200);
        sendMarker(pk, partner, other, 450);
        partner.get(pk).body("data.status", equalTo("complete")).body("data.last_analyse", nullValue());

        TestTopics.send("analysis-completed", String.valueOf(pk), event(UUID.randomUUID().toString(),
                analysis(partner.partnerId, pk, second, 655)));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> partner.get(pk)
                .body("data.status", equalTo("analyzed"))
                .body("data.last_analyse.score", equalTo(655))
                .body("data.last_analyse.grade", equalTo("B"))
                .body("data.last_analyse.decision", equalTo("approve"))
                .body("data.last_analyse.submissionId", equalTo(second.toString())));
    }

    @Test
    void a_result_naming_another_partner_is_ignored() throws Exception {
        ProfileApi partner = new ProfileApi();
        long pk = partner.createValid();
        partner.submit(pk).statusCode(200);
        UUID submission = UUID.fromString(partner.submissionId(pk));

        TestTopics.send("analysis-completed", String.valueOf(pk), event(UUID.randomUUID().toString(),
                analysis(UUID.randomUUID(), pk, submission, 790)));
        long other = partner.createValid();
        partner.submit(other).statusCode(200);
        sendMarker(pk, partner, other, 420);
        partner.get(pk).body("data.status", equalTo("complete")).body("data.last_analyse", nullValue());
    }

    @Test
    void poison_events_are_set_aside_and_consumption_goes_on() throws Exception {
        ProfileApi partner = new ProfileApi();
        long pk = partner.createValid();
        partner.submit(pk).statusCode(200);
        UUID submission = UUID.fromString(partner.submissionId(pk));
        double failedBefore = failedCount();

        String notJson = "not json " + UUID.randomUUID();
        String v1Id = UUID.randomUUID().toString();
        ObjectNode v1 = (ObjectNode) JSON.readTree(event(v1Id, analysis(partner.partnerId, pk, submission, 300)));
        v1.put("type", "com.partnerb2b.analysis.completed.v1");
        String noSubmissionId = UUID.randomUUID().toString();
        ObjectNode withoutSubmission = (ObjectNode) JSON.readTree(event(noSubmissionId, analysis(partner.partnerId, pk, submission, 310)));
        ((ObjectNode) withoutSubmission.path("data")).remove("submissionId");

        // On the profile's key, so consumed in this order before the valid event that follows.
        TestTopics.send("analysis-completed", String.valueOf(pk), notJson);
        TestTopics.send("analysis-completed", String.valueOf(pk), v1.toString());
        TestTopics.send("analysis-completed", String.valueOf(pk), withoutSubmission.toString());
        TestTopics.send("analysis-completed", String.valueOf(pk), event(UUID.randomUUID().toString(),
                analysis(partner.partnerId, pk, submission, 640)));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> partner.get(pk)
                .body("data.last_analyse.score", equalTo(640)));

        assertEquals(1, FailedEventRows.reasonsForPayload(notJson).size(), "the unreadable message is kept");
        assertEquals(1, FailedEventRows.reasonsForEvent(v1Id).size(), "the v1 event is kept");
        assertTrue(FailedEventRows.reasonsForEvent(v1Id).get(0).contains("type"), FailedEventRows.reasonsForEvent(v1Id).toString());
        assertEquals(1, FailedEventRows.reasonsForEvent(noSubmissionId).size(), "the event without submissionId is kept");
        assertTrue(FailedEventRows.reasonsForEvent(noSubmissionId).get(0).contains("submissionId"));
        assertEquals(0, FailedEventRows.timesProcessed(v1Id));
        assertEquals(0, FailedEventRows.timesProcessed(noSubmissionId));
        assertTrue(failedCount() >= failedBefore + 3, "partnerb2b.events.failed counted the three: " + failedBefore + " → " + failedCount());
    }

    /**
     * Sends, on {@code key}, a completed analysis of {@code marker} (another submitted profile of the
     * partner) and waits until it shows: every earlier event on that key has then been consumed.
     */
    private static void sendMarker(long key, ProfileApi partner, long marker, int score) throws Exception {
        UUID submission = UUID.fromString(partner.submissionId(marker));
        TestTopics.send("analysis-completed", String.valueOf(key), event(UUID.randomUUID().toString(),
                analysis(partner.partnerId, marker, submission, score)));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> partner.get(marker).body("data.last_analyse.score", equalTo(score)));
    }

    static AnalysisCompleted analysis(UUID partnerId, long profilePk, UUID submissionId, int score) {
        return new AnalysisCompleted(partnerId, profilePk, submissionId, "CLIENT-42", 9L, AnalysisCompleted.COMPLETED, score, "B", 0.043,
                "approve",
                List.of(new AnalysisCompleted.Reason("HIGH_DEBT_TO_INCOME", "monthly_charges", "800-1200", "Charges mensuelles élevées")),
                new AnalysisCompleted.Affordability(new BigDecimal("452.31"), new BigDecimal("0.059"), new BigDecimal("0.483"),
                        new BigDecimal("0.35"), true, List.of()),
                List.of("savings_amount"), "german-credit-scorecard-1.0", Instant.parse("2026-11-25T10:00:00.500Z"),
                Instant.parse("2026-11-25T10:00:01Z"), null);
    }

    static String event(String id, AnalysisCompleted data) throws Exception {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", id)
                .put("source", "/partnerb2b/analysis-service")
                .put("type", AnalysisCompleted.TYPE)
                .put("subject", data.profilePk().toString())
                .put("time", "2026-11-25T10:00:01Z")
                .put("datacontenttype", "application/json");
        event.set("data", JSON.valueToTree(data));
        return JSON.writeValueAsString(event);
    }

    /** Sum over reasons of partnerb2b.events.failed for this topic (0 before the first failure). */
    private static double failedCount() {
        double total = 0;
        for (String line : given().get("/q/metrics").then().statusCode(200).extract().asString().split("\n")) {
            if (line.startsWith("partnerb2b_events_failed_total{") && line.contains("topic=\"analysis-completed\"")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    private static long rowVersion(long pk) throws Exception {
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement statement = connection.prepareStatement("SELECT version FROM profiles WHERE id = ?")) {
            statement.setLong(1, pk);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

package com.partnerb2b.profile;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AnalysisCompletedConsumerTest {

    @Test
    void the_latest_analysis_is_shown_and_a_redelivered_event_changes_nothing() throws Exception {
        ProfileApi partner = new ProfileApi();
        long pk = partner.createValid();
        partner.submit(pk).statusCode(200);

        String eventId = UUID.randomUUID().toString();
        KafkaEvents.send("analysis-completed", String.valueOf(pk), event(eventId, pk, 712));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> partner.get(pk)
                .body("data.status", equalTo("analyzed"))
                .body("data.last_analyse.score", equalTo(712))
                .body("data.last_analyse.status", equalTo("completed"))
                .body("data.last_analyse.version", equalTo("german-credit-scorecard-1.0")));

        // The same event again (a redelivery), even with other content, changes nothing. A marker
        // event for another profile follows it on the same key, so on the same partition: once the
        // marker shows, the redelivery has been consumed.
        KafkaEvents.send("analysis-completed", String.valueOf(pk), event(eventId, pk, 100));
        long other = partner.createValid();
        partner.submit(other).statusCode(200);
        KafkaEvents.send("analysis-completed", String.valueOf(pk), event(UUID.randomUUID().toString(), other, 500));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> partner.get(other)
                .body("data.last_analyse.score", equalTo(500)));
        partner.get(pk).body("data.last_analyse.score", equalTo(712));
        assertEquals(1, timesRecorded(eventId), "the event is recorded as handled once");
    }

    @Test
    void malformed_events_do_not_stop_consumption() throws Exception {
        ProfileApi partner = new ProfileApi();
        long pk = partner.createValid();
        partner.submit(pk).statusCode(200);
        KafkaEvents.send("analysis-completed", "x", "not json");
        KafkaEvents.send("analysis-completed", "x", "{\"id\": \"no-data\"}");
        KafkaEvents.send("analysis-completed", String.valueOf(pk), event(UUID.randomUUID().toString(), pk, 640));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> partner.get(pk)
                .body("data.last_analyse.score", equalTo(640)));
    }

    private static int timesRecorded(String eventId) throws Exception {
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM processed_events WHERE event_id = ?")) {
            statement.setString(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String event(String id, long profilePk, int score) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/partnerb2b/analysis-service",
                 "type": "com.partnerb2b.analysis.completed.v1", "subject": "%d", "time": "2026-11-25T10:00:00Z",
                 "datacontenttype": "application/json",
                 "data": {"profilePk": %d, "analysisPk": 9, "score": %d, "status": "completed",
                          "details": {"grade": "B"}, "version": "german-credit-scorecard-1.0"}}
                """.formatted(id, profilePk, profilePk, score);
    }
}

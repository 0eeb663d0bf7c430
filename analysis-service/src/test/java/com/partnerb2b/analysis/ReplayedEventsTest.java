package com.partnerb2b.analysis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.events.ProfileSubmitted;
import com.partnerb2b.platform.messaging.FailedEventReplay;
import com.partnerb2b.platform.test.TestRows;
import com.partnerb2b.platform.test.TestTopics;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * An event whose handling kept failing is set aside with a time to be handled again; replayed, it goes
 * through once whatever made it fail is gone, or stays with its latest reason until no replay is left.
 * The replays are run by hand here (partnerb2b.events.replay-interval=off in tests).
 */
@QuarkusTest
class ReplayedEventsTest {

    @Inject
    FailedEventReplay replay;

    @Test
    void an_event_whose_handling_failed_is_handled_when_replayed_and_leaves_failed_events() throws Throwable {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        UUID submission = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        // As a handling that failed on a bug since fixed leaves it: the message whole, due for a replay.
        setAside(eventId, partner.event(pk, submission, Partner.customer(), Instant.now(), eventId));

        assertTrue(replayDue() >= 1);

        assertEquals(1, TestRows.count("SELECT count(*) FROM submissions WHERE submission_id = ?", submission));
        assertEquals(1, TestRows.count("SELECT count(*) FROM processed_events WHERE event_id = ?", eventId));
        assertEquals(0, TestRows.count("SELECT count(*) FROM failed_events WHERE event_id = ?", eventId));
        ProfileServiceStandIn.submitted(pk, "Bearer " + partner.token, submission.toString());
        long analysisPk = partner.requestAnalysis(pk).statusCode(201).extract().jsonPath().getLong("data.pk");
        partner.awaitFinished(analysisPk).body("data.status", org.hamcrest.Matchers.equalTo("completed"));
    }

    @Test
    void a_replay_of_an_event_handled_meanwhile_handles_nothing_twice() throws Throwable {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        UUID submission = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String event = partner.event(pk, submission, Partner.customer(), Instant.now(), eventId);
        TestTopics.send(ProfileSubmitted.TOPIC, String.valueOf(pk), event);
        Partner.awaitKept(submission);
        setAside(eventId, event);

        replayDue();

        assertEquals(1, TestRows.count("SELECT count(*) FROM submissions WHERE submission_id = ?", submission));
        assertEquals(1, TestRows.count("SELECT count(*) FROM processed_events WHERE event_id = ?", eventId));
        assertEquals(0, TestRows.count("SELECT count(*) FROM failed_events WHERE event_id = ?", eventId));
    }

    @Test
    void a_handling_that_keeps_failing_is_set_aside_then_replayed_on_a_growing_wait_until_none_is_left() throws Throwable {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        String eventId = UUID.randomUUID().toString();
        // Reads and validates, but PostgreSQL refuses the NUL in its external reference: the handling fails every time.
        String poisoned = partner.event(pk, UUID.randomUUID(), Partner.customer(), Instant.now(), eventId)
                .replace("\"CLIENT-" + pk + "\"", "\"CLIENT-\\u0000\"");
        TestTopics.send(ProfileSubmitted.TOPIC, String.valueOf(pk), poisoned);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> TestRows.count("SELECT count(*) FROM failed_events WHERE event_id = ?", eventId) == 1);
        assertTrue(TestRows.text("SELECT reason FROM failed_events WHERE event_id = ?", eventId).startsWith("handling failed:"));
        assertEquals(1, TestRows.count("SELECT count(*) FROM failed_events WHERE event_id = ? AND replays = 0"
                + " AND replay_at = failed_at + interval '1 minute'", eventId), "first replay a minute after it failed");

        TestRows.update("UPDATE failed_events SET replay_at = now(), reason = 'before the replay' WHERE event_id = ?", eventId);
        replayDue();
        assertEquals(1, TestRows.count("SELECT count(*) FROM failed_events WHERE event_id = ? AND replays = 1"
                + " AND replay_at > now() + interval '4 minutes' AND reason LIKE 'handling failed:%'", eventId),
                "still failing: kept with its new reason, next replay five times later");

        TestRows.update("UPDATE failed_events SET replay_at = now(), replays = 5 WHERE event_id = ?", eventId);
        replayDue();
        assertEquals(1, TestRows.count("SELECT count(*) FROM failed_events WHERE event_id = ? AND replays = 6 AND replay_at IS NULL",
                eventId), "after the last replay it stays for an operator, never replayed again");
        assertEquals(0, TestRows.count("SELECT count(*) FROM processed_events WHERE event_id = ?", eventId));
    }

    private static void setAside(String eventId, String payload) throws Exception {
        TestRows.update("INSERT INTO failed_events (event_id, topic, type, reason, payload, failed_at, replay_at)"
                + " VALUES (?, ?, ?, 'handling failed: a bug since fixed', ?, now(), now())",
                eventId, ProfileSubmitted.TOPIC, ProfileSubmitted.TYPE, payload);
    }

    /** As the scheduler runs it: on a Vert.x context. */
    private int replayDue() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> replay.replayDue());
    }
}

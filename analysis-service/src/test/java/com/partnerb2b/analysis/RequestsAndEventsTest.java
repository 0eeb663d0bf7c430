package com.partnerb2b.analysis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.partnerb2b.analysis.messaging.ProfileSubmittedConsumer;
import com.partnerb2b.analysis.repository.Submission;
import com.partnerb2b.analysis.repository.SubmissionRepository;
import com.partnerb2b.platform.messaging.ProcessedEvents;
import com.partnerb2b.platform.sql.RowChange;
import com.partnerb2b.platform.test.TestMetrics;
import com.partnerb2b.platform.test.TestRows;
import com.partnerb2b.platform.events.ProfileErased;
import com.partnerb2b.platform.events.ProfileSubmitted;
import com.partnerb2b.platform.test.TestTokens;
import com.partnerb2b.platform.test.TestTopics;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** Idempotent requests and consumption, the partner's quota, and events the consumer cannot use. */
@QuarkusTest
class RequestsAndEventsTest {

    @Inject
    ProfileSubmittedConsumer consumer;

    @Inject
    ProcessedEvents processed;

    @Test
    void the_same_idempotency_key_replays_the_first_answer_and_creates_nothing() throws Exception {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        Partner.awaitKept(partner.submit(pk, Partner.customer(), Instant.now()));
        String key = UUID.randomUUID().toString();
        long first = requestWithKey(partner, pk, key);
        partner.request().header("Idempotency-Key", key).post("/api/v1/profiles/" + pk + "/analyses/")
                .then().statusCode(201).body("data.pk", equalTo((int) first)).body("data.status", equalTo("pending"));
        assertEquals(1, TestRows.count("SELECT count(*) FROM analyses WHERE partner_id = ?", partner.id));

        long otherPk = Partner.newProfilePk();
        Partner.awaitKept(partner.submit(otherPk, Partner.customer(), Instant.now()));
        partner.request().header("Idempotency-Key", key).post("/api/v1/profiles/" + otherPk + "/analyses/")
                .then().statusCode(422).body("error.details[0].field", equalTo("Idempotency-Key"));
        partner.request().header("Idempotency-Key", "k".repeat(256)).post("/api/v1/profiles/" + pk + "/analyses/")
                .then().statusCode(400).body("error.details[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void a_key_past_its_retention_makes_a_new_analysis_and_points_to_it() throws Exception {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        Partner.awaitKept(partner.submit(pk, Partner.customer(), Instant.now()));
        String key = UUID.randomUUID().toString();
        long first = requestWithKey(partner, pk, key);
        TestRows.update("UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE partner_id = ? AND idempotency_key = ?",
                partner.id, key);

        long second = requestWithKey(partner, pk, key);
        assertNotEquals(first, second);
        assertEquals(2, TestRows.count("SELECT count(*) FROM analyses WHERE partner_id = ?", partner.id));
        assertEquals(1, TestRows.count("SELECT count(*) FROM idempotency_keys WHERE partner_id = ? AND idempotency_key = ? AND analysis_id = ?",
                partner.id, key, second));
        partner.request().header("Idempotency-Key", key).post("/api/v1/profiles/" + pk + "/analyses/")
                .then().statusCode(201).body("data.pk", equalTo((int) second));
    }

    @Test
    void a_redelivered_submission_is_kept_once() throws Exception {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        UUID submission = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        partner.publish(pk, submission, Partner.customer(), Instant.now(), eventId);
        partner.publish(pk, submission, Map.of("monthly_income", 1), Instant.now(), eventId);
        // A marker on the same key (same partition) follows the redelivery: once it is kept, the redelivery was consumed.
        UUID marker = partner.submit(pk, Partner.customer(), Instant.now());
        Partner.awaitKept(marker);
        assertEquals(1, TestRows.count("SELECT count(*) FROM processed_events WHERE event_id = ?", eventId));
        assertEquals(1, TestRows.count("SELECT count(*) FROM submissions WHERE submission_id = ?", submission));
        assertTrue(TestRows.text("SELECT attributes FROM submissions WHERE submission_id = ?", submission).contains("\"requested_amount\":10000"),
                "the first delivery's values are kept");
    }

    /** Two instances handed the same event at once (a rebalance): one keeps it, the other finds it kept; neither fails. */
    @Test
    void the_same_event_handled_twice_at_once_is_kept_once() throws Exception {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        UUID submission = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String event = partner.event(pk, submission, Partner.customer(), Instant.now(), eventId);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<Void>> handlings = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                handlings.add(instances.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return consume(List.of(event));
                }));
            }
            for (Future<Void> handling : handlings) {
                handling.get(60, TimeUnit.SECONDS);
            }
        } finally {
            instances.shutdown();
        }
        assertEquals(1, TestRows.count("SELECT count(*) FROM processed_events WHERE event_id = ?", eventId));
        assertEquals(1, TestRows.count("SELECT count(*) FROM submissions WHERE submission_id = ?", submission));
        assertEquals(0, TestRows.count("SELECT count(*) FROM failed_events WHERE event_id = ?", eventId));
    }

    /** As the messaging connector hands over a message: on a Vert.x context of its own. */
    private Void consume(List<String> events) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> consumer.consume(events));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The connector hands over what one poll brought: handled together, each as it would be alone. */
    @Test
    void the_events_of_one_poll_are_each_handled_as_they_would_be_alone() throws Exception {
        Partner partner = new Partner();
        long kept = Partner.newProfilePk();
        long erased = Partner.newProfilePk();
        UUID keptSubmission = UUID.randomUUID();
        UUID erasedSubmission = UUID.randomUUID();
        String keptEvent = UUID.randomUUID().toString();
        String first = partner.event(kept, keptSubmission, Partner.customer(), Instant.now(), keptEvent);
        String unreadable = "not json " + UUID.randomUUID();
        String erasure = UUID.randomUUID().toString();

        consume(List.of(first, unreadable, partner.event(erased, erasedSubmission, Partner.customer(), Instant.now(),
                UUID.randomUUID().toString()), first /* delivered twice in one poll */, partner.erasure(erased, erasure)));

        assertEquals(1, TestRows.count("SELECT count(*) FROM submissions WHERE submission_id = ?", keptSubmission));
        assertEquals(0, TestRows.count("SELECT count(*) FROM submissions WHERE submission_id = ?", erasedSubmission),
                "erased after it was kept, in order");
        assertEquals(2, TestRows.count("SELECT count(*) FROM processed_events WHERE event_id IN (?, ?)", keptEvent, erasure));
        assertEquals(1, TestRows.count("SELECT count(*) FROM failed_events WHERE payload = ?", unreadable));
        assertEquals(0, TestRows.count("SELECT count(*) FROM failed_events WHERE payload = ?", first));

        // A poll whose transaction fails (a reference no column holds): each event then goes alone, and only
        // the one that cannot be handled is set aside, after its retries.
        long refused = Partner.newProfilePk();
        UUID refusedSubmission = UUID.randomUUID();
        String tooLong = partner.event(refused, refusedSubmission, Partner.customer(), Instant.now(), UUID.randomUUID().toString())
                .replace("CLIENT-" + refused, "x".repeat(300));
        UUID fineSubmission = UUID.randomUUID();
        consume(List.of(tooLong, partner.event(Partner.newProfilePk(), fineSubmission, Partner.customer(), Instant.now(),
                UUID.randomUUID().toString())));

        assertEquals(1, TestRows.count("SELECT count(*) FROM submissions WHERE submission_id = ?", fineSubmission));
        assertEquals(0, TestRows.count("SELECT count(*) FROM submissions WHERE submission_id = ?", refusedSubmission));
        assertTrue(TestRows.text("SELECT reason FROM failed_events WHERE payload = ?", tooLong).startsWith("handling failed"));
    }

    /** The statement a poll's events share: in order, each event once, all or nothing. */
    @Test
    void a_polls_events_are_recorded_in_one_transaction_all_or_nothing() throws Throwable {
        Partner partner = new Partner();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        UUID firstSubmission = UUID.randomUUID();
        RowChange keep = keeping(partner, firstSubmission, "CLIENT");

        List<Long> changed = VertxContextSupport.subscribeAndAwait(() -> processed.onceAll(List.of(first, second, first),
                List.of(keep, keeping(partner, UUID.randomUUID(), "CLIENT"), keep)));

        assertEquals(Arrays.asList(1L, 1L, null), changed, "the third is the first again: handled before");
        UUID failing = UUID.randomUUID();
        String third = UUID.randomUUID().toString();
        assertThrows(Exception.class, () -> VertxContextSupport.subscribeAndAwait(() -> processed.onceAll(List.of(third,
                UUID.randomUUID().toString()), List.of(keeping(partner, failing, "CLIENT"), keeping(partner, UUID.randomUUID(), "x".repeat(300))))));
        assertEquals(0, TestRows.count("SELECT count(*) FROM processed_events WHERE event_id = ?", third), "rolled back with the other");
        assertEquals(0, TestRows.count("SELECT count(*) FROM submissions WHERE submission_id = ?", failing));
    }

    private static RowChange keeping(Partner partner, UUID submissionId, String reference) {
        Submission submission = new Submission();
        submission.submissionId = submissionId;
        submission.partnerId = partner.id;
        submission.profilePk = Partner.newProfilePk();
        submission.catalogueVersion = 1L;
        submission.externalReference = reference;
        submission.attributes = "{}";
        submission.submittedAt = Instant.now();
        submission.receivedAt = Instant.now();
        return SubmissionRepository.keep(submission);
    }

    @Test
    void events_the_consumer_cannot_use_are_set_aside_and_consumption_goes_on() throws Exception {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        String key = String.valueOf(pk);
        String unreadable = "not json " + UUID.randomUUID();
        String v1 = """
                {"specversion": "1.0", "id": "%s", "source": "/partnerb2b/profile-service",
                 "type": "com.partnerb2b.profile.submitted.v1", "subject": "%s", "time": "2026-11-25T10:00:00Z",
                 "data": {"partnerId": "%s", "profilePk": %s, "attributes": {}}}""".formatted(UUID.randomUUID(), key, partner.id, key);
        String noSubmission = """
                {"specversion": "1.0", "id": "%s", "source": "/partnerb2b/profile-service",
                 "type": "%s", "subject": "%s", "time": "2026-11-25T10:00:00Z",
                 "data": {"partnerId": "%s", "profilePk": %s, "submittedAt": "2026-11-25T10:00:00Z", "attributes": {}}}"""
                .formatted(UUID.randomUUID(), ProfileSubmitted.TYPE, key, partner.id, key);
        // A type no column could hold (too long, with a NUL): still set aside, not a stopped consumer.
        String hostileType = "{\"specversion\": \"1.0\", \"id\": \"" + UUID.randomUUID() + "\", \"type\": \"x\\u0000"
                + "y".repeat(300) + "\", \"data\": {}}";
        double failedBefore = failedCounter();
        TestTopics.send(ProfileSubmitted.TOPIC, key, hostileType);
        TestTopics.send(ProfileSubmitted.TOPIC, key, unreadable);
        TestTopics.send(ProfileSubmitted.TOPIC, key, v1);
        TestTopics.send(ProfileSubmitted.TOPIC, key, noSubmission);
        UUID after = partner.submit(pk, Partner.customer(), Instant.now());
        Partner.awaitKept(after);

        assertEquals(1, TestRows.count("SELECT count(*) FROM failed_events WHERE payload = ?", unreadable));
        assertEquals("type is none of " + ProfileErased.TYPE + ", " + ProfileSubmitted.TYPE, TestRows.text("SELECT reason FROM failed_events WHERE payload = ?", v1));
        assertEquals("missing or invalid submissionId", TestRows.text("SELECT reason FROM failed_events WHERE payload = ?", noSubmission));
        assertEquals(1, TestRows.count("SELECT count(*) FROM failed_events WHERE length(type) = 200 AND type LIKE 'x%'"));
        assertTrue(failedCounter() >= failedBefore + 4, "partnerb2b.events.failed counts them");
        assertEquals(0, TestRows.count("SELECT count(*) FROM failed_events WHERE replay_at IS NOT NULL AND (payload IN (?, ?, ?)"
                + " OR type LIKE 'x%')", unreadable, v1, noSubmission), "a message that cannot be read or used is never replayed");
    }

    @Test
    void an_operator_quota_limits_the_partners_analyses() throws Exception {
        Partner partner = new Partner();
        String operator = TestTokens.operator();
        String quota = "/admin/v1/analysis-quotas/" + partner.id + "/";
        given().auth().oauth2(operator).get(quota).then().statusCode(200)
                .body("data.limit", nullValue()).body("data.used", equalTo(0));
        given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"limit\": 1}").put(quota).then().statusCode(200)
                .body("data.limit", equalTo(1));

        long pk = Partner.newProfilePk();
        partner.submitAndRequest(pk, Partner.customer());
        partner.requestAnalysis(pk).statusCode(429)
                .body("error.code", equalTo("quota_exceeded"))
                .body("error.limit", equalTo(1))
                .body("error.used", equalTo(1));
        given().auth().oauth2(operator).get(quota).then().statusCode(200).body("data.used", equalTo(1));

        given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"limit\": null}").put(quota).then().statusCode(200);
        partner.requestAnalysis(pk).statusCode(201);

        for (String bad : new String[] { "{\"limit\": -1}", "{\"limit\": \"ten\"}", "{\"limit\": 1.5}", "{}", "[]" }) {
            given().auth().oauth2(operator).contentType(ContentType.JSON).body(bad).put(quota).then().statusCode(400)
                    .body("error.details[0].field", equalTo("limit"));
        }
        given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"limit\": 1}")
                .put("/admin/v1/analysis-quotas/not-a-uuid/").then().statusCode(404);
        partner.request().contentType(ContentType.JSON).body("{\"limit\": 1000}").put(quota).then().statusCode(403);
    }

    @Test
    void operators_see_the_scorecard_and_the_stability_of_its_population() throws Exception {
        Partner partner = new Partner();
        long analysisPk = partner.submitAndRequest(Partner.newProfilePk(), Partner.customer());
        partner.awaitFinished(analysisPk);
        var json = given().auth().oauth2(TestTokens.operator()).get("/admin/v1/scorecards/active/").then().statusCode(200)
                .body("data.name", equalTo(com.partnerb2b.scorecard.Scorecard.reference().name()))
                .body("data.psiAlertLevel", equalTo(0.25f))
                .extract().jsonPath();
        long sample = json.getLong("data.stability.sampleSize");
        assertTrue(sample >= 1);
        assertEquals(sample, TestRows.count("SELECT count(*) FROM analyses WHERE status = 'completed'"));
        assertTrue(json.getDouble("data.stability.psi") >= 0);
        String gauge = metric("partnerb2b_scorecard_psi");
        double published = Double.parseDouble(gauge.substring(gauge.lastIndexOf(' ') + 1));
        assertTrue(published >= 0, "the gauge carries the index once computed: " + gauge);
    }

    private static double failedCounter() {
        return TestMetrics.sum("partnerb2b_events_failed_total", "topic=\"profile-submitted\"");
    }

    private static String metric(String name) {
        return given().get("/q/metrics").then().extract().asString().lines().filter(l -> l.startsWith(name)).findFirst().orElse(null);
    }

    /** Asks for an analysis of the profile with the idempotency key: its pk (201 expected). */
    private static long requestWithKey(Partner partner, long pk, String key) {
        return partner.request().header("Idempotency-Key", key).post("/api/v1/profiles/" + pk + "/analyses/")
                .then().statusCode(201).extract().jsonPath().getLong("data.pk");
    }
}

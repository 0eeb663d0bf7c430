package com.partnerb2b.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.test.TestRows;
import com.partnerb2b.analysis.repository.AnalysisQueue;
import com.partnerb2b.analysis.repository.AnalysisQueue.Claim;
import com.partnerb2b.analysis.service.AnalysisCompletion;
import com.partnerb2b.analysis.service.AnalysisScoring;
import com.partnerb2b.analysis.service.AnalysisWorker;
import com.partnerb2b.platform.reactive.FreshContexts;
import com.partnerb2b.platform.test.EventSchemas;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;

/**
 * The work queue shared by instances: a claim is exclusive, a crashed instance's analysis is taken
 * over when its lease ends and its late result is refused, a failing analysis is retried then
 * failed. The worker here only runs when a test wakes it (no poll), and rows are written directly,
 * as another instance or an earlier life of this one would have left them.
 */
@QuarkusTest
@TestProfile(WorkerTest.WorkOnlyWhenWoken.class)
class WorkerTest {

    public static class WorkOnlyWhenWoken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "partnerb2b.analysis.work.poll-interval", "PT1H",
                    "partnerb2b.analysis.work.retry-delay", "PT0.05S",
                    "partnerb2b.analysis.work.max-attempts", "3",
                    "partnerb2b.analysis.work.submission-wait", "PT10M",
                    "partnerb2b.analysis.stability.refresh-interval", "PT1H");
        }
    }

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofMinutes(10);

    @Inject
    AnalysisQueue queue;
    @Inject
    AnalysisCompletion completion;
    @Inject
    AnalysisScoring scoring;
    @Inject
    AnalysisWorker worker;
    @Inject
    Vertx vertx;

    @Test
    void two_instances_claiming_at_once_never_hold_the_same_analysis_and_each_is_published_once() throws Exception {
        UUID submission = submission(Partner.customer());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(analysis(submission, "pending", 0, null, "now()"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<List<Claim>> a = () -> queue.claim("instance-a", LEASE, WAIT, 8).await().atMost(Duration.ofSeconds(10));
            Callable<List<Claim>> b = () -> queue.claim("instance-b", LEASE, WAIT, 8).await().atMost(Duration.ofSeconds(10));
            Future<List<Claim>> byA = pool.submit(a);
            Future<List<Claim>> byB = pool.submit(b);
            List<Claim> claimsA = byA.get();
            List<Claim> claimsB = byB.get();
            Set<Long> seen = new HashSet<>();
            for (Claim claim : claimsA) {
                assertTrue(seen.add(claim.id()));
            }
            for (Claim claim : claimsB) {
                assertTrue(seen.add(claim.id()), "analysis " + claim.id() + " claimed by both instances");
            }
            assertTrue(seen.containsAll(ids), "between them, the two instances took every waiting analysis");
            for (Claim claim : claimsA) {
                assertTrue(finish(claim, "instance-a"));
            }
            for (Claim claim : claimsB) {
                assertTrue(finish(claim, "instance-b"));
            }
        } finally {
            pool.shutdownNow();
        }
        for (long id : ids) {
            assertEquals("completed", TestRows.text("SELECT status FROM analyses WHERE id = ?", id));
            assertEquals(1, TestRows.count("SELECT count(*) FROM outbox_events WHERE payload LIKE ?", "%\"analysisPk\":" + id + ",%"));
        }
    }

    @Test
    void an_analysis_left_processing_by_a_crashed_instance_is_taken_over_and_the_late_result_refused() throws Exception {
        UUID submission = submission(Partner.customer());
        long id = analysis(submission, "processing", 1, "crashed-instance", "now() - interval '1 second'");
        long leased = analysis(submission, "processing", 1, "live-instance", "now() + interval '1 hour'");

        Claim lateClaim = new Claim(id, 1, null, 0, submission, null, null, null, null, null, false);
        worker.wake();
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "completed".equals(TestRows.text("SELECT status FROM analyses WHERE id = ?", id)));
        assertEquals(2, TestRows.count("SELECT attempts FROM analyses WHERE id = ?", id), "taken over: a second attempt");
        assertEquals(worker.claimer(), TestRows.text("SELECT claimed_by FROM analyses WHERE id = ?", id));
        String score = TestRows.text("SELECT score FROM analyses WHERE id = ?", id);

        // The crashed instance comes back and tries to record its result: refused, nothing changes.
        assertFalse(FreshContexts.run(vertx, () -> completion.fail(lateClaim, "crashed-instance", null, "late"))
                .await().atMost(Duration.ofSeconds(10)));
        assertEquals(score, TestRows.text("SELECT score FROM analyses WHERE id = ?", id));
        assertEquals(1, TestRows.count("SELECT count(*) FROM outbox_events WHERE payload LIKE ?", "%\"analysisPk\":" + id + ",%"));

        // An analysis whose lease is still running is left to its instance.
        assertEquals("processing", TestRows.text("SELECT status FROM analyses WHERE id = ?", leased));
        assertEquals("live-instance", TestRows.text("SELECT claimed_by FROM analyses WHERE id = ?", leased));
    }

    @Test
    void an_analysis_that_cannot_be_scored_is_retried_then_failed_with_its_reason_and_published() throws Exception {
        UUID broken = UUID.randomUUID();
        TestRows.update("""
                INSERT INTO submissions (submission_id, partner_id, profile_pk, catalogue_version, attributes, submitted_at, received_at)
                VALUES (?, ?, ?, 1, 'not json', now(), now())""", broken, UUID.randomUUID(), Partner.newProfilePk());
        long id = analysis(broken, "pending", 0, null, "now()");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            worker.wake();
            return "failed".equals(TestRows.text("SELECT status FROM analyses WHERE id = ?", id));
        });
        assertEquals(3, TestRows.count("SELECT attempts FROM analyses WHERE id = ?", id));
        assertTrue(TestRows.text("SELECT failure_reason FROM analyses WHERE id = ?", id).startsWith("scoring failed"));
        String published = TestRows.text("SELECT payload FROM outbox_events WHERE payload LIKE ?", "%\"analysisPk\":" + id + ",%");
        assertTrue(published.contains("\"status\":\"failed\""), published);
        assertEquals(List.of(), EventSchemas.problems("analysisCompletedEvent", published), "docs/asyncapi.yaml describes it");
    }

    @Test
    void an_analysis_whose_submission_never_arrives_fails_after_the_wait() throws Exception {
        long id = analysis(UUID.randomUUID(), "pending", 0, null, "now()", "now() - interval '20 minutes'");
        long recent = analysis(UUID.randomUUID(), "pending", 0, null, "now()");
        worker.wake();
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "failed".equals(TestRows.text("SELECT status FROM analyses WHERE id = ?", id)));
        assertEquals("the profile's submission was not received", TestRows.text("SELECT failure_reason FROM analyses WHERE id = ?", id));
        assertEquals("pending", TestRows.text("SELECT status FROM analyses WHERE id = ?", recent), "still within its wait");
    }

    private boolean finish(Claim claim, String claimer) {
        AnalysisScoring.Outcome outcome = scoring.score(claim);
        return FreshContexts.run(vertx, () -> completion.complete(claim, claimer, null, outcome)).await().atMost(Duration.ofSeconds(10));
    }

    private static UUID submission(Map<String, Object> values) throws Exception {
        UUID id = UUID.randomUUID();
        TestRows.update("""
                INSERT INTO submissions (submission_id, partner_id, profile_pk, catalogue_version, attributes, submitted_at, received_at)
                VALUES (?, ?, ?, 1, ?, now(), now())""", id, UUID.randomUUID(), Partner.newProfilePk(),
                new ObjectMapper().writeValueAsString(values));
        return id;
    }

    private static long analysis(UUID submission, String status, int attempts, String claimedBy, String leaseUntil) throws Exception {
        return analysis(submission, status, attempts, claimedBy, leaseUntil, "now()");
    }

    private static long analysis(UUID submission, String status, int attempts, String claimedBy, String leaseUntil, String createdAt)
            throws Exception {
        String lease = "pending".equals(status) ? "NULL" : leaseUntil;
        return Long.parseLong(TestRows.text("""
                INSERT INTO analyses (partner_id, profile_pk, submission_id, status, attempts, claimed_by, lease_until, created_at)
                VALUES (?, ?, ?, ?, ?, ?, %s, %s) RETURNING id""".formatted(lease, createdAt),
                UUID.randomUUID(), Partner.newProfilePk(), submission, status, attempts, claimedBy));
    }
}

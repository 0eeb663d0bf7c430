package com.partnerb2b.webhook;

import static com.partnerb2b.webhook.delivery.LoopbackReceiver.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.TestRows;
import com.partnerb2b.webhook.delivery.AttemptResult;
import com.partnerb2b.webhook.repository.DeliveryQueue;
import com.partnerb2b.webhook.service.DeliveryOutcomes;
import com.partnerb2b.webhook.service.DeliveryWorker;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The delivery queue shared by instances: a claim is exclusive and takes an endpoint's oldest due
 * deliveries up to its width (one while it fails);
 * a success is recorded only while its claim holds; deliveries left by an instance that stopped
 * mid-retry leave again when their lease ends; an endpoint failing for the whole failure window is
 * disabled. The worker here runs only when woken.
 */
@QuarkusTest
@TestProfile(DeliveryQueueTest.WorkOnlyWhenWoken.class)
class DeliveryQueueTest {

    public static class WorkOnlyWhenWoken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnerb2b.webhooks.poll-interval", "PT1H");
        }
    }

    @Inject
    DeliveryQueue queue;
    @Inject
    DeliveryWorker worker;
    @Inject
    DeliveryOutcomes outcomes;

    /**
     * A test that woke the worker ends when its outcome shows, but the worker then claims once more
     * (each attempt's end wakes it): a claim that would take the next test's fresh rows from under it.
     */
    @BeforeEach
    void workerIdle() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(worker::idle);
    }

    /**
     * A bare endpoint's deliveries are claimed by its own test only: left active, they would be the
     * worker's the next time a test wakes it ("not sent": their secret never opens), retried on the
     * test schedule for seconds, and its claims would race a later test's.
     */
    @AfterEach
    void bareEndpointsRetired() throws Exception {
        TestRows.update("UPDATE endpoints SET status = 'disabled' WHERE secret_key_id = 'none'");
    }

    @Test
    void two_instances_claiming_at_once_never_hold_the_same_delivery_nor_more_of_an_endpoint_than_its_width() throws Exception {
        int width = 3;
        long[] endpoints = new long[6];
        Map<Long, List<Long>> created = new HashMap<>();
        for (int i = 0; i < endpoints.length; i++) {
            endpoints[i] = bareEndpoint("http://receiver.test:1/hooks");
            List<Long> ids = new ArrayList<>();
            for (int j = 0; j < 5; j++) {
                ids.add(delivery(endpoints[i], "pending", 0, null, "NULL"));
            }
            created.put(endpoints[i], ids);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<DeliveryQueue.Claim>> a = pool.submit(() -> claim("instance-a", width));
            Future<List<DeliveryQueue.Claim>> b = pool.submit(() -> claim("instance-b", width));
            Set<Long> deliveries = new HashSet<>();
            Map<Long, Integer> heldPerEndpoint = new HashMap<>();
            for (DeliveryQueue.Claim claim : concat(a.get(), b.get())) {
                assertTrue(deliveries.add(claim.id()), "delivery " + claim.id() + " claimed twice");
                heldPerEndpoint.merge(claim.endpointId(), 1, Integer::sum);
            }
            for (long endpoint : endpoints) {
                assertEquals(width, heldPerEndpoint.get(endpoint), "endpoint " + endpoint + " holds its width, no more");
                assertTrue(deliveries.containsAll(created.get(endpoint).subList(0, width)), "in order: the oldest first");
            }
            assertEquals(List.of(), claim("instance-c", width), "nothing more while each endpoint has its width in flight");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_lease_that_ran_out_frees_its_place_and_a_failing_endpoint_gets_one_attempt_at_a_time() throws Exception {
        long healthy = bareEndpoint("http://receiver.test:1/hooks");
        long failing = bareEndpoint("http://receiver.test:1/hooks");
        TestRows.update("UPDATE endpoints SET failing_since = now() - interval '1 hour' WHERE id = ?", failing);
        long leftByStoppedInstance = delivery(healthy, "pending", 4, "stopped-instance", "now() - interval '1 second'");
        long first = delivery(healthy, "pending", 0, null, "NULL");
        long second = delivery(healthy, "pending", 0, null, "NULL");
        delivery(healthy, "pending", 1, "live-instance", "now() + interval '1 minute'");
        long failingFirst = delivery(failing, "pending", 0, null, "NULL");
        delivery(failing, "pending", 0, null, "NULL");

        Map<Long, DeliveryQueue.Claim> claims = byId(claim("instance-a", 3));
        assertEquals(Set.of(leftByStoppedInstance, first, failingFirst), claims.keySet(),
                "the healthy endpoint's width less the one under a live lease, oldest first; the failing one's oldest alone");
        assertEquals(5, claims.get(leftByStoppedInstance).attempts(), "a run-out lease is taken over with the next attempt number");
        assertEquals(List.of(), claim("instance-b", 3), "every endpoint at its width");

        TestRows.update("UPDATE deliveries SET lease_until = now() - interval '1 second' WHERE claimed_by = 'live-instance'");
        assertEquals(Set.of(second), byId(claim("instance-b", 3)).keySet(), "the lease that ran out frees one place");
    }

    @Test
    void deliveries_left_mid_retry_by_a_stopped_instance_leave_again_when_their_lease_ends() throws Exception {
        try (WebhookPartner partner = new WebhookPartner(status(200, "ok"))) {
            long endpoint = Long.parseLong(partner.configured()[0]);
            long left = delivery(endpoint, "pending", 2, "stopped-instance", "now() - interval '1 second'");
            worker.wake();
            Awaitility.await().atMost(WebhookPartner.patience())
                    .until(() -> "delivered".equals(TestRows.text("SELECT status FROM deliveries WHERE id = ?", left)));
            assertEquals(3, TestRows.count("SELECT attempts FROM deliveries WHERE id = ?", left));
            assertEquals(2, partner.receiver.hits("/hooks").size(), "the test event, then the delivery once");
        }
    }

    @Test
    void an_endpoint_failing_for_the_whole_window_is_disabled() throws Exception {
        try (WebhookPartner partner = new WebhookPartner(status(200, "ok"), status(500, "still down"))) {
            long endpoint = Long.parseLong(partner.configured()[0]);
            TestRows.update("UPDATE endpoints SET failing_since = now() - interval '6 days' WHERE id = ?", endpoint);
            delivery(endpoint, "pending", 0, null, "NULL");
            worker.wake();
            Awaitility.await().atMost(WebhookPartner.patience())
                    .until(() -> "disabled".equals(TestRows.text("SELECT status FROM endpoints WHERE id = ?", endpoint)));
            assertTrue(TestRows.text("SELECT disabled_reason FROM endpoints WHERE id = ?", endpoint).startsWith("no successful delivery since"));
        }
    }

    @Test
    void a_success_is_recorded_only_while_the_claim_holds_and_ends_the_endpoints_failing_streak() throws Throwable {
        long endpoint = bareEndpoint("http://receiver.test:1/hooks");
        TestRows.update("UPDATE endpoints SET failing_since = now() - interval '1 hour' WHERE id = ?", endpoint);
        long delivery = delivery(endpoint, "pending", 1, "instance-a", "now() + interval '1 minute'");
        AttemptResult ok = new AttemptResult(204, null, 15, "", null);

        assertFalse(record(delivery, endpoint, "instance-b", 1, ok), "another instance's claim");
        TestRows.update("UPDATE deliveries SET attempts = 2 WHERE id = ?", delivery);
        assertFalse(record(delivery, endpoint, "instance-a", 1, ok), "an earlier attempt of this instance, its lease since taken again");
        TestRows.update("UPDATE deliveries SET attempts = 1 WHERE id = ?", delivery);
        assertEquals("pending instance-a", TestRows.text("SELECT status || ' ' || claimed_by FROM deliveries WHERE id = ?", delivery));
        assertEquals(1, TestRows.count("SELECT count(*) FROM endpoints WHERE id = ? AND failing_since IS NOT NULL",
                endpoint), "the endpoint untouched by a lost claim");
        assertEquals(0, TestRows.count("SELECT count(*) FROM delivery_attempts WHERE delivery_id = ?", delivery));

        assertTrue(record(delivery, endpoint, "instance-a", 1, ok));
        assertEquals(1, TestRows.count("""
                SELECT count(*) FROM deliveries WHERE id = ? AND status = 'delivered' AND delivered_at IS NOT NULL
                   AND claimed_by IS NULL AND lease_until IS NULL AND next_attempt_at IS NULL""", delivery));
        assertEquals("1 204 15", TestRows.text(
                "SELECT attempt || ' ' || http_status || ' ' || duration_ms FROM delivery_attempts WHERE delivery_id = ?", delivery));
        assertEquals(1, TestRows.count("""
                SELECT count(*) FROM endpoints WHERE id = ? AND failing_since IS NULL
                   AND last_success_at IS NOT NULL""", endpoint), "free again, its failing streak over");

        assertFalse(record(delivery, endpoint, "instance-a", 1, ok), "the same outcome twice");
        assertEquals(1, TestRows.count("SELECT count(*) FROM delivery_attempts WHERE delivery_id = ?", delivery));
    }

    @Test
    void a_success_on_an_endpoint_that_is_not_failing_and_succeeded_just_now_holds_to_its_claim_and_leaves_the_endpoint_row_alone()
            throws Throwable {
        long endpoint = bareEndpoint("http://receiver.test:1/hooks");
        // Noted ahead of this test's clock (another instance's): within the resolution however slow the test runs.
        TestRows.update("UPDATE endpoints SET last_success_at = now() + interval '1 minute' WHERE id = ?", endpoint);
        String noted = TestRows.text("SELECT last_success_at::text FROM endpoints WHERE id = ?", endpoint);
        long delivery = delivery(endpoint, "pending", 1, "instance-a", "now() + interval '1 minute'");
        AttemptResult ok = new AttemptResult(200, null, 9, "", null);

        assertFalse(record(delivery, endpoint, "instance-b", 1, ok), "another instance's claim");
        assertEquals(0, TestRows.count("SELECT count(*) FROM delivery_attempts WHERE delivery_id = ?", delivery));

        assertTrue(record(delivery, endpoint, "instance-a", 1, ok));
        assertEquals("delivered 1 200", TestRows.text("""
                SELECT d.status || ' ' || a.attempt || ' ' || a.http_status FROM deliveries d
                  JOIN delivery_attempts a ON a.delivery_id = d.id WHERE d.id = ?""", delivery));
        assertEquals(noted, TestRows.text("SELECT last_success_at::text FROM endpoints WHERE id = ?", endpoint));
        assertFalse(record(delivery, endpoint, "instance-a", 1, ok), "the same outcome twice");

        TestRows.update("UPDATE endpoints SET last_success_at = now() - interval '1 minute' WHERE id = ?", endpoint);
        long next = delivery(endpoint, "pending", 1, "instance-a", "now() + interval '1 minute'");
        assertTrue(record(next, endpoint, "instance-a", 1, ok));
        assertEquals(1, TestRows.count("SELECT count(*) FROM endpoints WHERE id = ? AND last_success_at > now() - interval '1 minute'",
                endpoint), "a last success older than the resolution is noted again");
    }

    private boolean record(long delivery, long endpoint, String claimer, int attempt, AttemptResult result) throws Throwable {
        DeliveryQueue.Claim claim = new DeliveryQueue.Claim(delivery, attempt, null, null, endpoint, null, null, null, null, null, null, null,
                null);
        return VertxContextSupport.subscribeAndAwait(() -> outcomes.record(claim, claimer, Instant.now(), result));
    }

    @Test
    void a_claim_with_little_room_skips_endpoints_already_at_their_width() throws Exception {
        long busy = bareEndpoint("http://receiver.test:1/hooks");
        long failing = bareEndpoint("http://receiver.test:1/hooks");
        long waiting = bareEndpoint("http://receiver.test:1/hooks");
        TestRows.update("UPDATE endpoints SET failing_since = now() - interval '1 hour' WHERE id = ?", failing);
        for (int i = 0; i < 2; i++) {
            delivery(busy, "pending", 1, "live-instance", "now() + interval '1 minute'");
            delivery(busy, "pending", 0, null, "NULL");
        }
        delivery(failing, "pending", 1, "live-instance", "now() + interval '1 minute'");
        delivery(failing, "pending", 0, null, "NULL");
        long due = delivery(waiting, "pending", 0, null, "NULL");

        // One free slot: the lower-numbered endpoints with work due but no room must not take it.
        assertEquals(Set.of(due), byId(claim("instance-a", 2, 1)).keySet());
    }

    private List<DeliveryQueue.Claim> claim(String claimer, int width) {
        return claim(claimer, width, 40);
    }

    private List<DeliveryQueue.Claim> claim(String claimer, int width, int room) {
        return queue.claim(claimer, Duration.ofMinutes(1), room, width).await().atMost(Duration.ofSeconds(10));
    }

    private static Map<Long, DeliveryQueue.Claim> byId(List<DeliveryQueue.Claim> claims) {
        return claims.stream().collect(Collectors.toMap(DeliveryQueue.Claim::id, claim -> claim));
    }

    private static List<DeliveryQueue.Claim> concat(List<DeliveryQueue.Claim> a, List<DeliveryQueue.Claim> b) {
        List<DeliveryQueue.Claim> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** An endpoint row only for claiming (its secret is never opened). */
    private static long bareEndpoint(String url) throws Exception {
        return Long.parseLong(TestRows.text("""
                INSERT INTO endpoints (partner_id, url, secret_cipher, secret_key_id, status, created_at, updated_at)
                VALUES (gen_random_uuid(), ?, '\\x00', 'none', 'active', now(), now()) RETURNING id""", url));
    }

    private static long delivery(long endpoint, String status, int attempts, String claimedBy, String leaseUntil) throws Exception {
        return Long.parseLong(TestRows.text("""
                INSERT INTO deliveries (webhook_id, endpoint_id, partner_id, event_type, payload, status, attempts, claimed_by,
                                        lease_until, next_attempt_at, created_at)
                SELECT 'msg_' || gen_random_uuid(), id, partner_id, 'analysis.completed', '{"type":"analysis.completed"}', ?, ?, ?,
                       %s, now(), now() FROM endpoints WHERE id = ? RETURNING id""".formatted(leaseUntil),
                status, attempts, claimedBy, endpoint));
    }
}

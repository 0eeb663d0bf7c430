package com.partnerb2b.webhook.delivery;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sender against a real HTTP receiver on loopback. Every sender here uses {@link ConnectPolicy#loopbackOnly()}
 * and host names resolve through {@link TestResolver}: nothing in this test can reach a non-loopback address.
 */
class WebhookSenderTest {

    private static final String UA = "PartnerB2B-Webhooks/1.0 (webhook-service)";
    private static final Duration AWAIT = Duration.ofSeconds(10);

    private static Vertx vertx;
    private static LoopbackReceiver receiver;
    private static WebhookSender sender;
    private static AddressGuard localGuard;

    @BeforeAll
    static void start() throws IOException {
        vertx = Vertx.vertx();
        receiver = new LoopbackReceiver();
        String target = "http://127.0.0.1:" + receiver.port() + "/redirect-target";
        receiver
            .on("/ok", LoopbackReceiver.status(200, "ok"))
            .on("/accepted", LoopbackReceiver.status(202, ""))
            .on("/fail", LoopbackReceiver.status(500, "E".repeat(10) + "x".repeat(5 * 1024 - 10), "Retry-After", "7"))
            .on("/busy", LoopbackReceiver.status(429, "slow down", "Retry-After", "7"))
            .on("/unavailable", exchange -> LoopbackReceiver.status(503, "maintenance", "Retry-After",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120))).respond(exchange))
            .on("/redirect-target", LoopbackReceiver.status(200, "should never be reached"))
            .on("/redirect", LoopbackReceiver.status(302, "", "Location", target))
            .on("/gone", LoopbackReceiver.status(410, "gone"))
            .on("/hang", receiver.hang())
            .on("/endless", receiver.streamThenHang(4 * 1024))
            .on("/headers-only", receiver.streamThenHang(0));
        localGuard = new AddressGuard(new TestResolver().with("partner.test", "127.0.0.1"), true);
        sender = new WebhookSender(vertx, ConnectPolicy.loopbackOnly(), Duration.ofSeconds(2), Duration.ofSeconds(5), UA);
    }

    @AfterAll
    static void stop() {
        sender.close();
        receiver.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static VettedTarget target(String path) throws TargetRefused {
        return localGuard.vet("http://partner.test:" + receiver.port() + path);
    }

    private static AttemptResult send(VettedTarget target) {
        return sender.send(target, Map.of("webhook-id", "msg_test"), "{}").await().atMost(AWAIT);
    }

    @Test
    void delivers200WithSignedHeadersAndTheTargetsHostName() throws Exception {
        String secret = WebhookSignature.newSecret();
        String id = "msg_" + System.nanoTime();
        long ts = Instant.now().getEpochSecond();
        String body = "{\"type\":\"analysis.completed\",\"data\":{\"pk\":1,\"note\":\"é\"}}";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(ts));
        headers.put("webhook-signature", WebhookSignature.sign(id, ts, body, List.of(secret)));
        headers.put("Host", "evil.test"); // a caller cannot override the Host

        AttemptResult result = sender.send(target("/ok?source=test"), headers, body).await().atMost(AWAIT);

        assertTrue(result.delivered(), result.toString());
        assertEquals(200, result.httpStatus());
        assertNull(result.error());
        assertEquals("ok", result.responseExcerpt());
        assertNull(result.retryAfter());
        assertFalse(result.gone());
        assertTrue(result.durationMillis() >= 0);
        // nothing we sent, and never the secret, is kept in what gets stored
        assertFalse(result.toString().contains(secret.substring(6)));
        assertFalse(result.toString().contains(headers.get("webhook-signature").substring(3)));
        assertFalse(result.toString().contains(id));

        LoopbackReceiver.Hit hit = receiver.hits.stream().filter(h -> h.header("webhook-id") != null && h.header("webhook-id").equals(id))
            .findFirst().orElseThrow();
        assertEquals("POST", hit.method());
        assertEquals("/ok?source=test", hit.path());
        assertEquals(body, hit.body());
        assertEquals(id, hit.header("webhook-id"));
        assertEquals(Long.toString(ts), hit.header("webhook-timestamp"));
        assertEquals(headers.get("webhook-signature"), hit.header("webhook-signature"));
        assertEquals("application/json", hit.header("Content-Type"));
        assertEquals(UA, hit.header("User-Agent"));
        assertEquals("partner.test:" + receiver.port(), hit.header("Host"));
        // what arrived verifies with the official library, as the partner would check it
        Map<String, List<String>> received = new LinkedHashMap<>();
        hit.headers().forEach((k, v) -> received.put(k, v));
        assertDoesNotThrow(() -> new Webhook(secret).verify(hit.body(), received));
    }

    /** DNS rebinding: the name is resolved once, by the guard; the sender dials that address and never asks again. */
    @Test
    void dialsTheVettedAddressWithoutASecondLookup() throws Exception {
        java.util.concurrent.atomic.AtomicInteger questions = new java.util.concurrent.atomic.AtomicInteger();
        HostResolver rebinding = host -> {
            // first answer loopback (allowed in local mode), any later answer a private address
            return List.of(TestResolver.address(host, questions.getAndIncrement() == 0 ? "127.0.0.1" : "10.0.0.1"));
        };
        VettedTarget target = new AddressGuard(rebinding, true).vet("http://rebind.test:" + receiver.port() + "/ok?rebind");
        AttemptResult result = sender.send(target, Map.of(), "{}").await().atMost(AWAIT);
        assertTrue(result.delivered(), result.toString());
        assertEquals(1, questions.get(), "only the guard resolved the name");
        assertEquals("rebind.test:" + receiver.port(), receiver.hits("/ok?rebind").get(0).header("Host"));
    }

    @Test
    void aHeaderValueWithALineBreakFailsTheAttemptInsteadOfInjectingAHeader() throws Exception {
        List<InetAddress> asked = new CopyOnWriteArrayList<>();
        WebhookSender recorded = new WebhookSender(vertx, address -> asked.add(address), Duration.ofSeconds(1), Duration.ofSeconds(1), UA);
        try {
            AttemptResult result = recorded.send(target("/ok?injection"), Map.of("webhook-id", "msg_1\r\nX-Injected: yes"), "{}")
                .await().atMost(AWAIT);
            assertNull(result.httpStatus());
            assertTrue(result.error().contains("Invalid header"), result.error());
            assertTrue(asked.isEmpty(), "refused before a connection was even considered");
            assertTrue(receiver.hits("/ok?injection").isEmpty());
        } finally {
            recorded.close();
        }
    }

    @Test
    void anyOther2xxIsDelivered() throws Exception {
        AttemptResult result = send(target("/accepted"));
        assertTrue(result.delivered(), result.toString());
        assertEquals(202, result.httpStatus());
    }

    @Test
    void keeps500WithItsBodyExcerptCutAt1Kb() throws Exception {
        AttemptResult result = send(target("/fail"));
        assertEquals(500, result.httpStatus());
        assertFalse(result.delivered());
        assertNull(result.error());
        assertEquals(1024, result.responseExcerpt().length());
        assertEquals("E".repeat(10) + "x".repeat(1014), result.responseExcerpt());
        assertNull(result.retryAfter(), "Retry-After only counts on 429, 502, 503, 504");
    }

    @Test
    void honoursRetryAfterSecondsOn429() throws Exception {
        AttemptResult result = send(target("/busy"));
        assertEquals(429, result.httpStatus());
        assertFalse(result.delivered());
        assertEquals(Duration.ofSeconds(7), result.retryAfter());
        assertEquals("slow down", result.responseExcerpt());
    }

    @Test
    void honoursRetryAfterHttpDateOn503() throws Exception {
        AttemptResult result = send(target("/unavailable"));
        assertEquals(503, result.httpStatus());
        assertNotNull(result.retryAfter());
        assertTrue(result.retryAfter().compareTo(Duration.ofSeconds(100)) > 0 && result.retryAfter().compareTo(Duration.ofSeconds(121)) <= 0,
            result.retryAfter().toString());
    }

    @Test
    void parsesRetryAfterForms() {
        Instant now = Instant.parse("2026-11-25T18:00:00Z");
        assertEquals(Duration.ofSeconds(7), WebhookSender.parseRetryAfter(" 7 ", now));
        assertEquals(Duration.ofSeconds(90), WebhookSender.parseRetryAfter("Wed, 25 Nov 2026 18:01:30 GMT", now));
        assertEquals(Duration.ZERO, WebhookSender.parseRetryAfter("Wed, 25 Nov 2026 17:00:00 GMT", now));
        assertNull(WebhookSender.parseRetryAfter("soon", now));
        assertNull(WebhookSender.parseRetryAfter("-5", now));
        assertNull(WebhookSender.parseRetryAfter(null, now));
        assertEquals(RetrySchedule.MAX_RETRY_AFTER, WebhookSender.parseRetryAfter("99999999999999", now));
    }

    @Test
    void neverFollowsARedirect() throws Exception {
        AttemptResult result = send(target("/redirect"));
        assertEquals(302, result.httpStatus());
        assertFalse(result.delivered());
        // a redirect followed would have been requested before the 302 completed the attempt
        assertTrue(receiver.hits("/redirect-target").isEmpty(), "the redirect target was reached");
        assertEquals(1, receiver.hits("/redirect").size());
    }

    /**
     * Partners whose URLs share a host share the sender's connections to it: an attempt must not wait behind
     * the connections another partner's hanging receiver holds, up to what the instance runs at once.
     */
    @Test
    void attemptsToOneHostDoNotWaitForEachOthersConnections() throws Exception {
        int inFlight = 12;
        WebhookSender shared = new WebhookSender(vertx, ConnectPolicy.loopbackOnly(), Duration.ofSeconds(2), Duration.ofSeconds(60), UA,
            null, inFlight);
        List<Cancellable> hanging = new ArrayList<>();
        List<AttemptResult> hangingEnded = new CopyOnWriteArrayList<>();
        try {
            int before = receiver.hits("/hang?shared").size();
            for (int i = 0; i < inFlight - 1; i++) {
                hanging.add(shared.send(target("/hang?shared"), Map.of(), "{}").subscribe().with(hangingEnded::add));
            }
            // every hanging attempt holds its own connection: the receiver has all of their requests
            Awaitility.await().atMost(AWAIT).until(() -> receiver.hits("/hang?shared").size() - before == inFlight - 1);

            AttemptResult other = shared.send(target("/ok?shared"), Map.of(), "{}").await().atMost(AWAIT);

            assertEquals(200, other.httpStatus(), other.toString());
            assertEquals(List.of(), hangingEnded, "answered while the other attempts still held their connections");
        } finally {
            hanging.forEach(Cancellable::cancel);
            shared.close();
        }
    }

    @Test
    void reports410AsGone() throws Exception {
        AttemptResult result = send(target("/gone"));
        assertEquals(410, result.httpStatus());
        assertTrue(result.gone());
        assertFalse(result.delivered());
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutWithinTheConfiguredTimeout() throws Exception {
        WebhookSender quick = new WebhookSender(vertx, ConnectPolicy.loopbackOnly(), Duration.ofMillis(300), Duration.ofMillis(300), UA);
        try {
            long start = System.nanoTime();
            AttemptResult result = quick.send(target("/hang"), Map.of(), "{}").await().atMost(Duration.ofSeconds(3));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertNull(result.httpStatus());
            assertFalse(result.delivered());
            assertNotNull(result.error());
            assertTrue(result.error().startsWith("Timeout"), result.error());
            assertTrue(tookMillis >= 250 && tookMillis < 2_000, "took " + tookMillis + " ms");
            assertTrue(result.durationMillis() >= 250 && result.durationMillis() < 2_000, result.toString());
        } finally {
            quick.close();
        }
    }

    @Test
    void stopsReadingAfter1KbOfAnEndlessBody() throws Exception {
        WebhookSender quick = new WebhookSender(vertx, ConnectPolicy.loopbackOnly(), Duration.ofSeconds(1), Duration.ofSeconds(5), UA);
        try {
            long start = System.nanoTime();
            AttemptResult result = quick.send(target("/endless"), Map.of(), "{}").await().atMost(Duration.ofSeconds(4));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, result.httpStatus());
            assertEquals("y".repeat(1024), result.responseExcerpt());
            assertTrue(tookMillis < 4_000, "did not wait for the end of the body: " + tookMillis + " ms");
        } finally {
            quick.close();
        }
    }

    /** Decision: once the status line arrived within the timeout, the outcome is that status; the body is best effort. */
    @Test
    void aStatusReceivedInTimeCountsEvenIfTheBodyNeverEnds() throws Exception {
        WebhookSender quick = new WebhookSender(vertx, ConnectPolicy.loopbackOnly(), Duration.ofMillis(300), Duration.ofMillis(300), UA);
        try {
            AttemptResult result = quick.send(target("/headers-only"), Map.of(), "{}").await().atMost(Duration.ofSeconds(3));
            assertEquals(200, result.httpStatus());
            assertTrue(result.delivered(), result.toString());
            assertEquals("", result.responseExcerpt());
            assertTrue(result.durationMillis() >= 250 && result.durationMillis() < 2_000, result.toString());
        } finally {
            quick.close();
        }
    }

    @Test
    void aRefusedConnectionIsAnError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        VettedTarget target = localGuard.vet("http://partner.test:" + closedPort + "/hook");
        AttemptResult result = send(target);
        assertNull(result.httpStatus());
        assertFalse(result.delivered());
        assertNotNull(result.error());
        assertTrue(result.error().toLowerCase().contains("refused"), result.error());
    }

    @Test
    void theLoopbackOnlyPolicyRefusesOtherAddressesWithoutOpeningASocket() throws Exception {
        List<InetAddress> asked = new CopyOnWriteArrayList<>();
        ConnectPolicy loopbackOnly = ConnectPolicy.loopbackOnly();
        ConnectPolicy recording = address -> {
            asked.add(address);
            return loopbackOnly.mayConnect(address);
        };
        WebhookSender guarded = new WebhookSender(vertx, recording, Duration.ofSeconds(1), Duration.ofSeconds(1), UA);
        try {
            for (String forbidden : List.of("10.0.0.1", "169.254.169.254")) {
                // built directly, as if the guard were broken and let it through
                InetAddress address = InetAddress.getByAddress(TestResolver.address(null, forbidden).getAddress());
                VettedTarget target = new VettedTarget(URI.create("http://" + forbidden + "/"), forbidden, address, 80, false, "/");
                AtomicReference<AttemptResult> result = new AtomicReference<>();
                guarded.send(target, Map.of(), "{}").subscribe().with(result::set);
                // completed synchronously, on this thread: no connection was even started
                assertNotNull(result.get(), "the refusal must be immediate");
                assertEquals("Address not allowed", result.get().error());
                assertNull(result.get().httpStatus());
                assertFalse(result.get().delivered());
                assertEquals(address, asked.get(asked.size() - 1));
            }

            // a policy that refuses everything: the live loopback receiver sees nothing, so no socket was opened
            List<InetAddress> refusedAsked = new ArrayList<>();
            WebhookSender closedDoor = new WebhookSender(vertx, a -> {
                refusedAsked.add(a);
                return false;
            }, Duration.ofSeconds(1), Duration.ofSeconds(1), UA);
            try {
                int before = receiver.hits("/ok").size();
                AttemptResult r = closedDoor.send(target("/ok?refused"), Map.of(), "{}").await().atMost(AWAIT);
                assertEquals("Address not allowed", r.error());
                assertEquals(1, refusedAsked.size()); // the policy said no, so the client was never asked for a connection
                assertEquals(before, receiver.hits("/ok").size());
                assertTrue(receiver.hits("/ok?refused").isEmpty());
            } finally {
                closedDoor.close();
            }
        } finally {
            guarded.close();
        }
    }

    @Test
    void theGuardedPolicyAppliesTheGuardsRule() throws Exception {
        TestResolver dns = new TestResolver();
        ConnectPolicy production = ConnectPolicy.guardedBy(new AddressGuard(dns, false));
        assertFalse(production.mayConnect(InetAddress.getLoopbackAddress()));
        assertFalse(production.mayConnect(TestResolver.address(null, "10.0.0.1")));
        assertFalse(production.mayConnect(TestResolver.address(null, "169.254.169.254")));
        assertFalse(production.mayConnect(TestResolver.address(null, "::ffff:192.168.0.1")));
        assertTrue(production.mayConnect(TestResolver.address(null, "93.184.216.34")));
        assertFalse(production.mayConnect(null));
        assertFalse(ConnectPolicy.loopbackOnly().mayConnect(TestResolver.address(null, "93.184.216.34")));
        assertTrue(ConnectPolicy.loopbackOnly().mayConnect(TestResolver.address(null, "::1")));
    }

    @Test
    void manyConcurrentAttemptsAllComplete() throws Exception {
        List<Uni<AttemptResult>> attempts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            attempts.add(sender.send(target(i % 3 == 0 ? "/fail" : "/ok"), Map.of("webhook-id", "msg_c" + i), "{\"i\":" + i + "}"));
        }
        List<AttemptResult> results = Uni.join().all(attempts).andFailFast().await().atMost(Duration.ofSeconds(20));
        assertEquals(30, results.size());
        for (int i = 0; i < 30; i++) {
            assertEquals(i % 3 == 0 ? 500 : 200, results.get(i).httpStatus(), results.get(i).toString());
        }
    }
}

package com.partnerb2b.webhook;

import static com.partnerb2b.webhook.delivery.LoopbackReceiver.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.TestRows;
import com.partnerb2b.webhook.delivery.LoopbackReceiver;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A receiver that hangs holds its own deliveries only: another partner's leave meanwhile; and one
 * endpoint has up to its width of deliveries under way at once, not one after another.
 */
@QuarkusTest
@TestProfile(SlowReceiverTest.LongTimeout.class)
class SlowReceiverTest {

    public static class LongTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnerb2b.webhooks.request-timeout", "PT30S", "partnerb2b.webhooks.per-endpoint-in-flight", "3");
        }
    }

    @Test
    void a_hanging_receiver_does_not_delay_another_partners_deliveries() throws Exception {
        CountDownLatch hanging = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LoopbackReceiver.Responder held = answeredOn(release);
        LoopbackReceiver.Responder hang = exchange -> {
            hanging.countDown();
            held.respond(exchange);
        };
        try (WebhookPartner slow = new WebhookPartner(status(200, "ok"), hang); WebhookPartner quick = new WebhookPartner(status(200, "ok"))) {
            slow.configured();
            quick.configured();
            slow.publishAnalysis();
            assertEquals(true, hanging.await(30, TimeUnit.SECONDS), "the slow receiver got its delivery and hangs");
            String quickEvent = quick.publishAnalysis();
            Awaitility.await().atMost(WebhookPartner.patience()).until(() -> quick.analysisHits().stream()
                    .anyMatch(h -> ("msg_" + quickEvent).equals(h.header("webhook-id"))));
            assertEquals(0, TestRows.count("SELECT count(*) FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id "
                    + "WHERE d.partner_id = ?", slow.id), "the slow delivery's attempt is still under way");
            release.countDown();
            Awaitility.await().atMost(WebhookPartner.patience()).until(() -> TestRows.count(
                    "SELECT count(*) FROM deliveries WHERE partner_id = ? AND status = 'delivered'", slow.id) == 1);
        }
    }

    @Test
    void one_endpoints_deliveries_are_under_way_together_up_to_its_width() throws Exception {
        int width = 3;
        CountDownLatch release = new CountDownLatch(1);
        try (WebhookPartner partner = new WebhookPartner(status(200, "ok"), answeredOn(release))) {
            partner.configured();
            Set<String> published = new HashSet<>();
            for (int i = 0; i < 7; i++) {
                published.add("msg_" + partner.publishAnalysis());
            }
            Awaitility.await().atMost(WebhookPartner.patience()).until(() -> partner.analysisHits().size() == width);
            assertEquals(width, TestRows.count("SELECT count(*) FROM deliveries WHERE partner_id = ? AND lease_until > now()", partner.id),
                    "the endpoint's width in flight, the rest waiting");
            release.countDown();
            Awaitility.await().atMost(WebhookPartner.patience()).until(() -> TestRows.count(
                    "SELECT count(*) FROM deliveries WHERE partner_id = ? AND status = 'delivered'", partner.id) == published.size());
            assertEquals(published, partner.analysisHits().stream().map(h -> h.header("webhook-id")).collect(Collectors.toSet()));
            assertEquals(published.size(), partner.analysisHits().size(), "each delivered once");
        }
    }

    /** Answers 200 once {@code release} opens (at most a minute later). */
    private static LoopbackReceiver.Responder answeredOn(CountDownLatch release) {
        return exchange -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status(200, "late").respond(exchange);
        };
    }
}

package com.partnerb2b.webhook;

import static com.partnerb2b.webhook.delivery.LoopbackReceiver.status;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerb2b.platform.test.TestMetrics;
import com.partnerb2b.platform.test.TestRows;
import com.partnerb2b.platform.tracing.TraceParents;
import com.partnerb2b.webhook.delivery.LoopbackReceiver;
import com.partnerb2b.webhook.service.SigningSecrets;
import com.standardwebhooks.Webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Analysis outcomes delivered to partners' receivers on loopback: signed, retried on the (test's
 * short) schedule, logged per attempt, failed after the last one and replayable, the endpoint
 * disabled on 410 and enabled again.
 */
@QuarkusTest
class DeliveryTest {

    @Test
    void an_analysis_outcome_is_delivered_signed_once_even_if_the_event_comes_twice() throws Exception {
        try (WebhookPartner partner = new WebhookPartner(status(200, "ok"))) {
            String[] endpoint = partner.configured();
            String eventId = UUID.randomUUID().toString();
            partner.publishAnalysis(eventId);
            partner.publishAnalysis(eventId);
            String marker = partner.publishAnalysis();
            Awaitility.await().atMost(WebhookPartner.patience()).until(() -> partner.analysisHits().stream()
                    .anyMatch(h -> ("msg_" + marker).equals(h.header("webhook-id"))));
            List<LoopbackReceiver.Hit> first = partner.analysisHits().stream()
                    .filter(h -> ("msg_" + eventId).equals(h.header("webhook-id"))).toList();
            assertEquals(1, first.size(), "a redelivered event is delivered once");

            LoopbackReceiver.Hit hit = first.get(0);
            assertEquals("application/json", hit.header("Content-Type"));
            assertTrue(hit.header("User-Agent").startsWith("PartnerB2B-Webhooks/"), hit.header("User-Agent"));
            Map<String, List<String>> headers = Map.of("webhook-id", List.of(hit.header("webhook-id")),
                    "webhook-timestamp", List.of(hit.header("webhook-timestamp")),
                    "webhook-signature", List.of(hit.header("webhook-signature")));
            new Webhook(endpoint[1]).verify(hit.body(), headers);
            // The attempt is a span of the event's trace, sent on to the receiver.
            String traceparent = hit.header("traceparent");
            assertEquals(WebhookPartner.TRACE_ID, TraceParents.traceId(traceparent), traceparent);
            assertNotEquals(WebhookPartner.TRACEPARENT, traceparent, "a span of its own");
            JsonNode body = WebhookPartner.MAPPER.readTree(hit.body());
            assertEquals("analysis.completed", body.path("type").asText());
            assertEquals(612, body.path("data").path("score").asInt());
            assertEquals("approve", body.path("data").path("decision").asText());
            assertTrue(body.path("data").path("externalReference").asText().startsWith("CLIENT-"));
            assertEquals("R01_CHECKING_ACCOUNT", body.path("data").path("reasons").get(0).path("code").asText());

            partner.deliveries(endpoint[0], "?status=delivered").statusCode(200)
                    .body("meta.total", equalTo(2))
                    .body("data[1].webhookId", equalTo("msg_" + eventId))
                    .body("data[1].attempts", equalTo(1))
                    .body("data[1].attemptLog[0].httpStatus", equalTo(200))
                    .body("data[1].attemptLog[0].response", equalTo("ok"));
        }
    }

    @Test
    void failures_are_retried_on_the_schedule_honouring_retry_after_until_success() throws Exception {
        try (WebhookPartner partner = new WebhookPartner(status(200, "ok"), status(500, "boom"),
                status(429, "slow down", "Retry-After", "1"), status(302, "", "Location", "http://elsewhere.test/"),
                status(200, "ok"))) {
            String[] endpoint = partner.configured();
            String eventId = partner.publishAnalysis();
            Awaitility.await().atMost(WebhookPartner.patience()).until(() -> partner.analysisHits().size() == 4);
            Awaitility.await().atMost(WebhookPartner.patience()).untilAsserted(() -> partner.deliveries(endpoint[0], "")
                    .body("data[0].status", equalTo("delivered"))
                    .body("data[0].attempts", equalTo(4))
                    .body("data[0].attemptLog.httpStatus", equalTo(List.of(500, 429, 302, 200))));
            assertTrue(partner.analysisHits().stream().allMatch(h -> ("msg_" + eventId).equals(h.header("webhook-id"))),
                    "the same webhook-id on every attempt");
            long gap = Long.parseLong(partner.analysisHits().get(2).header("webhook-timestamp"))
                    - Long.parseLong(partner.analysisHits().get(1).header("webhook-timestamp"));
            assertTrue(gap >= 1, "Retry-After: 1 was honoured (the schedule's next delay is shorter)");
            assertTrue(partner.receiver.hits("/").stream().noneMatch(h -> h.path().contains("elsewhere")), "redirects are not followed");
        }
    }

    @Test
    void after_the_last_attempt_the_delivery_failed_and_a_manual_retry_or_recover_sends_it_again() throws Exception {
        try (WebhookPartner partner = new WebhookPartner(status(200, "ok"), status(500, "a"), status(500, "b"),
                status(500, "c"), status(503, "d"), status(200, "back"))) {
            String[] endpoint = partner.configured();
            partner.publishAnalysis();
            Awaitility.await().atMost(WebhookPartner.patience()).untilAsserted(() -> partner.deliveries(endpoint[0], "")
                    .body("data[0].status", equalTo("failed"))
                    .body("data[0].attempts", equalTo(4)));
            long delivery = partner.deliveries(endpoint[0], "?status=failed").extract().jsonPath().getLong("data[0].id");
            partner.request().post("/api/v1/webhooks/deliveries/" + delivery + "/retry/").then().statusCode(200);
            Awaitility.await().atMost(WebhookPartner.patience()).untilAsserted(() -> partner.deliveries(endpoint[0], "")
                    .body("data[0].status", equalTo("delivered"))
                    .body("data[0].attemptLog[4].response", equalTo("back")));

            WebhookPartner other = new WebhookPartner(status(200, "ok"));
            other.request().post("/api/v1/webhooks/deliveries/" + delivery + "/retry/").then().statusCode(404);
            other.close();
        }
    }

    @Test
    void recover_resends_every_failed_delivery_since_a_time() throws Exception {
        try (WebhookPartner partner = new WebhookPartner(status(200, "ok"), status(500, "1"), status(500, "2"),
                status(500, "3"), status(500, "4"), status(200, "recovered"))) {
            String[] endpoint = partner.configured();
            partner.publishAnalysis();
            Awaitility.await().atMost(WebhookPartner.patience()).untilAsserted(() -> partner.deliveries(endpoint[0], "")
                    .body("data[0].status", equalTo("failed")));
            partner.request().contentType(ContentType.JSON).body(Map.of("since", "2000-01-01T00:00:00Z"))
                    .post("/api/v1/webhooks/" + endpoint[0] + "/recover/").then().statusCode(200).body("data.deliveries", equalTo(1));
            Awaitility.await().atMost(WebhookPartner.patience()).untilAsserted(() -> partner.deliveries(endpoint[0], "")
                    .body("data[0].status", equalTo("delivered")));
            partner.request().contentType(ContentType.JSON).body(Map.of("since", "yesterday"))
                    .post("/api/v1/webhooks/" + endpoint[0] + "/recover/").then().statusCode(400);
        }
    }

    @Test
    void a_410_disables_the_endpoint_until_the_partner_enables_it_again() throws Exception {
        try (WebhookPartner partner = new WebhookPartner(status(200, "ok"), status(410, "gone"), status(200, "ok"))) {
            String[] endpoint = partner.configured();
            partner.publishAnalysis();
            Awaitility.await().atMost(WebhookPartner.patience()).untilAsserted(() -> partner.request()
                    .get("/api/v1/webhooks/" + endpoint[0] + "/").then()
                    .body("data.status", equalTo("disabled"))
                    .body("data.disabledReason", equalTo("the endpoint answered 410 Gone")));
            partner.deliveries(endpoint[0], "").body("data[0].status", equalTo("failed"));

            String later = partner.publishAnalysis();
            Awaitility.await().atMost(WebhookPartner.patience()).untilAsserted(() -> partner.deliveries(endpoint[0], "?status=pending")
                    .body("meta.total", equalTo(1)));
            partner.request().post("/api/v1/webhooks/" + endpoint[0] + "/enable/").then().statusCode(200)
                    .body("data.status", equalTo("active"));
            Awaitility.await().atMost(WebhookPartner.patience()).until(() -> partner.analysisHits().stream()
                    .anyMatch(h -> ("msg_" + later).equals(h.header("webhook-id"))));
        }
    }

    @Test
    void a_delivery_that_cannot_be_signed_here_is_logged_as_not_sent_without_counting_against_the_endpoint() throws Exception {
        try (WebhookPartner partner = new WebhookPartner(status(200, "ok"))) {
            String[] endpoint = partner.configured();
            double notSentBefore = notSentAttempts();
            // The endpoint's secret as if sealed under a key this deployment no longer has.
            TestRows.update("UPDATE endpoints SET secret_key_id = 'retired2025' WHERE partner_id = ?", partner.id);
            String eventId = partner.publishAnalysis();
            Awaitility.await().atMost(WebhookPartner.patience()).untilAsserted(() -> partner.deliveries(endpoint[0], "")
                    .body("data[0].webhookId", equalTo("msg_" + eventId))
                    .body("data[0].status", equalTo("failed"))
                    .body("data[0].attempts", equalTo(4))
                    .body("data[0].attemptLog.error", everyItem(startsWith("Not sent: PartnerB2B could not sign it")))
                    .body("data[0].attemptLog.httpStatus", everyItem(nullValue())));
            assertTrue(partner.analysisHits().isEmpty(), "nothing unsigned left");
            assertEquals(1, TestRows.count("SELECT count(*) FROM endpoints WHERE partner_id = ? AND status = 'active' "
                    + "AND failing_since IS NULL", partner.id), "the receiver is not blamed: active, not failing");
            assertEquals(4, notSentAttempts() - notSentBefore, "counted for the operator");

            TestRows.update("UPDATE endpoints SET secret_key_id = 'test2026' WHERE partner_id = ?", partner.id);
            long delivery = partner.deliveries(endpoint[0], "").extract().jsonPath().getLong("data[0].id");
            partner.request().post("/api/v1/webhooks/deliveries/" + delivery + "/retry/").then().statusCode(200);
            Awaitility.await().atMost(WebhookPartner.patience()).until(() -> !partner.analysisHits().isEmpty());
            LoopbackReceiver.Hit hit = partner.analysisHits().get(0);
            new Webhook(endpoint[1]).verify(hit.body(), Map.of("webhook-id", List.of(hit.header("webhook-id")),
                    "webhook-timestamp", List.of(hit.header("webhook-timestamp")),
                    "webhook-signature", List.of(hit.header("webhook-signature"))));
            assertEquals("msg_" + eventId, hit.header("webhook-id"));
        }
    }

    @Test
    void an_endpoint_whose_secret_cannot_be_opened_is_still_shown_is_answered_409_and_a_rotation_restores_delivery() throws Exception {
        try (WebhookPartner partner = new WebhookPartner(status(200, "ok"))) {
            String pk = partner.configured()[0];
            TestRows.update("UPDATE endpoints SET secret_key_id = 'retired2025' WHERE partner_id = ?", partner.id);

            partner.request().get("/api/v1/webhooks/").then().statusCode(200).body("data[0].secret", equalTo(SigningSecrets.UNREADABLE));
            partner.request().get("/api/v1/webhooks/" + pk + "/").then().statusCode(200).body("data.secret", equalTo(SigningSecrets.UNREADABLE));
            partner.request().post("/api/v1/webhooks/" + pk + "/test/").then().statusCode(409)
                    .body("error.code", equalTo("secret_unreadable")).body("error.details[0].field", equalTo("secret"));
            partner.configure(partner.url).statusCode(409).body("error.code", equalTo("secret_unreadable"));

            // The unreadable secret becomes the previous one, signing beside the new one for 24 h: it is left out.
            String rotated = partner.request().post("/api/v1/webhooks/" + pk + "/rotate-secret/").then().statusCode(200)
                    .extract().jsonPath().getString("data.secret");
            partner.request().get("/api/v1/webhooks/" + pk + "/").then().statusCode(200)
                    .body("data.secret", equalTo(SigningSecrets.masked(rotated)));
            String eventId = partner.publishAnalysis();
            Awaitility.await().atMost(WebhookPartner.patience()).until(() -> !partner.analysisHits().isEmpty());
            LoopbackReceiver.Hit hit = partner.analysisHits().get(0);
            assertEquals("msg_" + eventId, hit.header("webhook-id"));
            new Webhook(rotated).verify(hit.body(), Map.of("webhook-id", List.of(hit.header("webhook-id")),
                    "webhook-timestamp", List.of(hit.header("webhook-timestamp")),
                    "webhook-signature", List.of(hit.header("webhook-signature"))));
        }
    }

    private static double notSentAttempts() {
        return TestMetrics.sum("partnerb2b_webhooks_attempts_total", "outcome=\"not_sent\"");
    }
}

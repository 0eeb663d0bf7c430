package com.partnerb2b.webhook;

import static com.partnerb2b.webhook.delivery.LoopbackReceiver.status;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.TestRows;
import com.partnerb2b.platform.test.TestTokens;
import com.partnerb2b.webhook.delivery.LoopbackReceiver;
import com.standardwebhooks.Webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Configuring, reading, changing, rotating and deleting an endpoint; what is refused, and to whom. */
@QuarkusTest
class WebhookApiTest {

    @Test
    void configuring_sends_a_signed_test_event_and_shows_the_secret_once() throws Exception {
        try (WebhookPartner partner = new WebhookPartner(status(200, "ok"))) {
            var json = partner.configure(partner.url).statusCode(201)
                    .body("data.message", equalTo("Votre url a bien été configurée."))
                    .body("data.url", equalTo(partner.url))
                    .body("data.secret", startsWith("whsec_"))
                    .extract().jsonPath();
            String secret = json.getString("data.secret");
            String pk = json.getString("data.pk");
            LoopbackReceiver.Hit test = partner.receiver.hits("/hooks").get(0);
            assertTrue(test.body().contains("\"type\":\"webhook.test\""), test.body());
            new Webhook(secret).verify(test.body(), Map.of("webhook-id", List.of(test.header("webhook-id")),
                    "webhook-timestamp", List.of(test.header("webhook-timestamp")),
                    "webhook-signature", List.of(test.header("webhook-signature"))));

            partner.request().get("/api/v1/webhooks/" + pk + "/").then().statusCode(200)
                    .body("data.url", equalTo(partner.url)).body("data.status", equalTo("active"))
                    .body("data.disabledReason", nullValue())
                    .body("data.secret", equalTo("whsec_…" + secret.substring(secret.length() - 4)));
            partner.request().get("/api/v1/webhooks/").then().statusCode(200).body("data.size()", equalTo(1));

            // Configuring again replaces the URL and keeps the secret.
            String other = "http://other.test:" + partner.receiver.port() + "/hooks";
            partner.configure(other).statusCode(201).body("data.pk", equalTo(Integer.parseInt(pk))).body("data.secret", equalTo(secret));
            partner.request().contentType(ContentType.JSON).body(Map.of("url", partner.url)).patch("/api/v1/webhooks/" + pk + "/")
                    .then().statusCode(200).body("data.message", equalTo("Votre url a bien été modifiée."));

            String rotated = partner.request().post("/api/v1/webhooks/" + pk + "/rotate-secret/").then().statusCode(200)
                    .extract().jsonPath().getString("data.secret");
            assertFalse(rotated.equals(secret));
            partner.request().post("/api/v1/webhooks/" + pk + "/test/").then().statusCode(200).body("data.delivered", equalTo(true));
            LoopbackReceiver.Hit signedTwice = partner.receiver.hits("/hooks").get(partner.receiver.hits("/hooks").size() - 1);
            String signatures = signedTwice.header("webhook-signature");
            assertEquals(2, signatures.split(" ").length, "during the rotation both secrets sign: " + signatures);
            for (String key : List.of(secret, rotated)) {
                new Webhook(key).verify(signedTwice.body(), Map.of("webhook-id", List.of(signedTwice.header("webhook-id")),
                        "webhook-timestamp", List.of(signedTwice.header("webhook-timestamp")),
                        "webhook-signature", List.of(signatures)));
            }

            partner.request().delete("/api/v1/webhooks/" + pk + "/").then().statusCode(200)
                    .body("data.message", equalTo("Votre webhook a bien été supprimé."));
            partner.request().get("/api/v1/webhooks/" + pk + "/").then().statusCode(404);
        }
    }

    @Test
    void a_url_that_is_malformed_forbidden_or_not_answering_2xx_is_refused_with_the_reason() throws Exception {
        try (WebhookPartner partner = new WebhookPartner(status(500, "down"))) {
            partner.configure(partner.url).statusCode(400).body("error.message", equalTo("Connection Error"));
            partner.configure("ftp://receiver.test/hooks").statusCode(400).body("error.message", equalTo("Invalid URL"));
            partner.configure("https://user:pw@receiver.test/hooks").statusCode(400).body("error.message", equalTo("Invalid URL"));
            partner.configure("https://" + "a".repeat(2050) + ".test/").statusCode(400).body("error.message", equalTo("Invalid URL"));
            for (String forbidden : List.of("http://10.0.0.1/", "https://169.254.169.254/latest/meta-data",
                    "https://private.test/hooks", "https://[::ffff:10.0.0.1]/", "https://0x0a000001/")) {
                partner.configure(forbidden).statusCode(400).body("error.message", equalTo("Address not allowed"));
            }
            partner.request().contentType(ContentType.JSON).body(Map.of("url", partner.url, "events", "all"))
                    .post("/api/v1/webhooks/configure/").then().statusCode(400).body("error.details[0].field", equalTo("events"));
            partner.request().contentType(ContentType.JSON).body("{}").post("/api/v1/webhooks/configure/").then().statusCode(400)
                    .body("error.details[0].field", equalTo("url"));
            partner.request().get("/api/v1/webhooks/").then().statusCode(200).body("data.size()", equalTo(0));
        }
    }

    @Test
    void another_partners_endpoint_is_not_found_and_a_partner_not_activated_is_not_allowed() throws Exception {
        try (WebhookPartner owner = new WebhookPartner(status(200, "ok")); WebhookPartner other = new WebhookPartner(status(200, "ok"))) {
            String pk = owner.configured()[0];
            for (String path : List.of("/api/v1/webhooks/" + pk + "/", "/api/v1/webhooks/" + pk + "/deliveries/")) {
                other.request().get(path).then().statusCode(404);
            }
            other.request().post("/api/v1/webhooks/" + pk + "/rotate-secret/").then().statusCode(404);
            other.request().delete("/api/v1/webhooks/" + pk + "/").then().statusCode(404);
            other.request().contentType(ContentType.JSON).body(Map.of("since", "2026-01-01T00:00:00Z"))
                    .post("/api/v1/webhooks/" + pk + "/recover/").then().statusCode(404);
            owner.request().get("/api/v1/webhooks/" + pk + "/").then().statusCode(200);
            owner.deliveries(pk, "?status=bogus").statusCode(400).body("error.details[0].field", equalTo("status"));
            owner.deliveries(pk, "?createdAfter=yesterday").statusCode(400).body("error.details[0].field", equalTo("createdAfter"));
            owner.deliveries(pk, "?createdBefore=+1000000000-01-01T00:00:00Z").statusCode(400)
                    .body("error.details[0].field", equalTo("createdBefore"));
            owner.request().post("/api/v1/webhooks/deliveries/abc/retry/").then().statusCode(404);
            given().auth().oauth2(TestTokens.pendingPartner(UUID.randomUUID())).get("/api/v1/webhooks/").then().statusCode(403)
                    .body("error.message", equalTo("Not Allowed"));
        }
    }

    @Test
    void the_log_of_deliveries_pages_newest_first_filters_by_status_and_time_and_shows_every_attempt_in_order() throws Exception {
        try (WebhookPartner partner = new WebhookPartner(status(200, "ok"))) {
            String pk = partner.configured()[0];
            OffsetDateTime t0 = OffsetDateTime.parse("2026-11-20T10:00:00Z");
            List<String> statuses = List.of("pending", "failed", "delivered", "failed", "delivered");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < statuses.size(); i++) {
                String webhookId = "msg_log_" + i + "_" + partner.id;
                // Pending but due in 2100: the worker leaves it alone.
                TestRows.update("""
                        INSERT INTO deliveries (webhook_id, endpoint_id, partner_id, event_type, analysis_pk, profile_pk, payload, status,
                                                attempts, next_attempt_at, created_at)
                        VALUES (?, ?, ?, 'analysis.completed', ?, ?, '{}', ?, ?, ?, ?)""", webhookId, Long.parseLong(pk), partner.id,
                        100L + i, 200L + i, statuses.get(i), i == 0 ? 0 : 2, t0.plusYears(74), t0.plusHours(i));
                ids.add(webhookId);
                for (int attempt = 1; i > 0 && attempt <= 2; attempt++) {
                    boolean last = attempt == 2 && statuses.get(i).equals("delivered");
                    TestRows.update("""
                            INSERT INTO delivery_attempts (delivery_id, attempt, attempted_at, http_status, duration_ms, response_excerpt)
                            SELECT id, ?, ?, ?, 7, ? FROM deliveries WHERE webhook_id = ?""", attempt, t0.plusHours(i).plusMinutes(attempt),
                            last ? 200 : 500 + attempt, last ? "ok" : "down " + attempt, webhookId);
                }
            }

            partner.deliveries(pk, "?limit=2").statusCode(200)
                    .body("meta.total", equalTo(5)).body("meta.total_pages", equalTo(3))
                    .body("data.webhookId", equalTo(List.of(ids.get(4), ids.get(3))))
                    .body("data[0].attemptLog.httpStatus", equalTo(List.of(501, 200)))
                    .body("data[0].attemptLog.response", equalTo(List.of("down 1", "ok")))
                    .body("data[0].analysis", equalTo(104)).body("data[0].profile", equalTo(204))
                    .body("data[1].attemptLog.attempt", equalTo(List.of(1, 2)));
            partner.deliveries(pk, "?limit=2&page=3").statusCode(200)
                    .body("data.webhookId", equalTo(List.of(ids.get(0))))
                    .body("data[0].attemptLog", equalTo(List.of()))
                    .body("data[0].nextAttemptAt", equalTo("2100-11-20T10:00:00Z"));
            partner.deliveries(pk, "?limit=2&page=4").statusCode(200).body("data", equalTo(List.of())).body("meta.total", equalTo(5));
            partner.deliveries(pk, "?status=failed").statusCode(200).body("meta.total", equalTo(2))
                    .body("data.webhookId", equalTo(List.of(ids.get(3), ids.get(1))))
                    .body("data[0].attemptLog.httpStatus", equalTo(List.of(501, 502)));
            partner.deliveries(pk, "?createdAfter=2026-11-20T11:00:00Z&createdBefore=2026-11-20T13:00:00Z").statusCode(200)
                    .body("meta.total", equalTo(2)).body("data.webhookId", equalTo(List.of(ids.get(2), ids.get(1))));
            partner.deliveries(pk, "?status=delivered&createdAfter=2026-11-20T11:00:00Z&limit=1&page=2").statusCode(200)
                    .body("meta.total", equalTo(2)).body("data.webhookId", equalTo(List.of(ids.get(2))));

            try (WebhookPartner other = new WebhookPartner(status(200, "ok"))) {
                other.configured();
                other.deliveries(pk, "?status=failed").statusCode(404).body("error.code", equalTo("not_found"));
            }
        }
    }
}

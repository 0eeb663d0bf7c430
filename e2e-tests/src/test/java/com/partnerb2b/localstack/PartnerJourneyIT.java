package com.partnerb2b.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's whole journey through the gateway only, on the system as {@code ./partnerb2b start}
 * runs it: an operator makes two partners; one builds and submits a profile with a document, has
 * it analysed and receives the signed {@code analysis.completed} webhook on its own receiver — in one
 * trace from its request to the webhook — while the other can see none of it.
 */
@Order(1)
@ExtendWith(RunningStack.class)
class PartnerJourneyIT {

    /** The partner's own trace (W3C traceparent), sent with each of its requests. */
    private static final String TRACE_ID = "5e2e0000c0ffee00" + Long.toHexString(System.nanoTime() | (1L << 60));
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00000000000000a1-01";

    @Test
    void a_partner_gets_its_signed_scored_webhook_in_one_trace_and_another_partner_sees_none_of_it() throws Exception {
        long began = System.nanoTime();
        RunningStack.Stack stack = RunningStack.stack();
        StackClient gateway = new StackClient(stack.baseUrl);
        Map<String, String> traced = Map.of("traceparent", TRACEPARENT);

        // The operator makes two active partners, each with an API key.
        String operator = gateway.access(stack.operatorKey);
        String keyA = gateway.newPartnerKey(operator, "E2E Partner A");
        String keyB = gateway.newPartnerKey(operator, "E2E Partner B");

        // Tokens, refresh, the catalogue.
        JsonNode tokens = StackClient.data(gateway.post("/api/v1/auth/token/", "{\"apiKey\":\"" + keyA + "\"}", null), 200);
        JsonNode refreshed = StackClient.data(gateway.post("/api/v1/auth/token/refresh",
                "{\"refresh\":\"" + tokens.path("refresh").asText() + "\"}", null), 200);
        String access = refreshed.path("access").asText();
        assertFalse(access.isEmpty(), refreshed.toString());
        String accessB = gateway.access(keyB);
        JsonNode metadata = StackClient.data(gateway.send("GET", "/api/v1/metadata/", access, null), 200);
        assertTrue(metadata.size() > 0, "the catalogue has its groups");

        // The partner's receiver, on this machine (local mode allows plain http to loopback).
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            received.add(new Received(exchange.getRequestHeaders(), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            JsonNode endpoint = StackClient.data(gateway.send("POST", "/api/v1/webhooks/configure/", access,
                    "{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks\"}"), 201);
            String secret = endpoint.path("secret").asText();
            assertTrue(secret.startsWith("whsec_"), endpoint.toString());

            // A full profile with its document, submitted, then analysed — in the partner's trace.
            long pk = StackClient.data(gateway.send("POST", "/api/v1/profiles/", access,
                    StackClient.completeProfile("Martin", "E2E-JOURNEY"), traced), 201).path("pk").asLong();
            JsonNode document = StackClient.data(gateway.upload(pk, "bank_statement", access, 0, traced), 201);
            StackClient.data(gateway.send("POST", "/api/v1/profiles/" + pk + "/submit/", access, null, traced), 200);
            JsonNode requested = StackClient.data(gateway.send("POST", "/api/v1/profiles/" + pk + "/analyses/", access, null, traced), 201);
            assertEquals("Vous venez de faire une demande d'analyse pour le profile " + pk, requested.path("message").asText());
            long analysisPk = requested.path("pk").asLong();

            JsonNode analysis = gateway.await("/api/v1/analyses/" + analysisPk + "/", access,
                    data -> "completed".equals(data.path("status").asText()));
            assertTrue(analysis.path("score").isInt(), analysis.toString());
            assertTrue(List.of("approve", "review", "decline").contains(analysis.path("decision").asText()), analysis.toString());
            assertTrue(analysis.path("reasons").size() <= 4, analysis.toString());
            assertEquals("354.56", analysis.path("affordability").path("monthly_instalment").decimalValue().toPlainString(),
                    "8,000 over 24 months at 6 %");
            JsonNode shown = gateway.await("/api/v1/profiles/" + pk + "/", access,
                    data -> data.path("last_analyse").path("score").asInt(-1) == analysis.path("score").asInt());
            assertEquals("analyzed", shown.path("status").asText());

            // The signed webhook, checked with the official Standard Webhooks library and the secret shown once.
            Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> received.stream().anyMatch(hit -> hit.about(analysisPk)));
            Received hit = received.stream().filter(h -> h.about(analysisPk)).findFirst().orElseThrow();
            new Webhook(secret).verify(hit.body, hit.headers);
            JsonNode webhook = StackClient.JSON.readTree(hit.body);
            assertEquals("analysis.completed", webhook.path("type").asText());
            assertEquals(analysis.path("score").asInt(), webhook.path("data").path("score").asInt());
            assertEquals(1, received.stream().filter(h -> h.about(analysisPk)).map(h -> h.header("webhook-id")).distinct().count());

            // One trace from the partner's analysis request to its webhook: analysis-service, the
            // outbox, Kafka and webhook-service each continued it, and the delivery sent it on.
            String webhookTrace = hit.header("traceparent");
            assertTrue(webhookTrace != null && webhookTrace.split("-").length == 4, "traceparent on the webhook: " + webhookTrace);
            assertEquals(TRACE_ID, webhookTrace.split("-")[1], "the webhook continues the partner's trace");
            assertNotEquals("00000000000000a1", webhookTrace.split("-")[2], "from a span of the system");
            // ... and every service exported spans of that trace to the collector.
            for (String service : List.of("profile-service", "analysis-service", "webhook-service")) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stack.traces.exported(service, TRACE_ID));
            }

            // The other partner: every one of these is 404, as for something that does not exist.
            List<String> leaks = new ArrayList<>();
            String webhookPk = webhookPk(gateway, access);
            for (String[] call : List.of(
                    new String[] { "GET", "/api/v1/profiles/" + pk + "/" },
                    new String[] { "PATCH", "/api/v1/profiles/" + pk + "/" },
                    new String[] { "POST", "/api/v1/profiles/" + pk + "/submit/" },
                    new String[] { "GET", "/api/v1/profiles/" + pk + "/documents/" },
                    new String[] { "GET", "/api/v1/documents/" + document.path("pk").asText() + "/" },
                    new String[] { "GET", "/api/v1/documents/" + document.path("pk").asText() + "/content/" },
                    new String[] { "POST", "/api/v1/profiles/" + pk + "/analyses/" },
                    new String[] { "GET", "/api/v1/profiles/" + pk + "/analyses/" },
                    new String[] { "GET", "/api/v1/analyses/" + analysisPk + "/" },
                    new String[] { "GET", "/api/v1/webhooks/" + webhookPk + "/" },
                    new String[] { "GET", "/api/v1/webhooks/" + webhookPk + "/deliveries/" },
                    new String[] { "POST", "/api/v1/webhooks/" + webhookPk + "/test/" },
                    new String[] { "DELETE", "/api/v1/webhooks/" + webhookPk + "/" },
                    new String[] { "DELETE", "/api/v1/profiles/" + pk + "/" })) {
                String body = "PATCH".equals(call[0]) ? "{\"attributes\": {\"monthly_income\": 1}}" : null;
                HttpResponse<String> answer = gateway.send(call[0], call[1], accessB, body);
                if (answer.statusCode() != 404 || answer.body().contains("Martin") || answer.body().contains("E2E-JOURNEY")) {
                    leaks.add(call[0] + " " + call[1] + " → " + answer.statusCode() + " " + answer.body());
                }
            }
            assertEquals(List.of(), leaks, "another partner's calls");
            // ... and partner A's data is untouched by them.
            assertEquals("analyzed", StackClient.data(gateway.send("GET", "/api/v1/profiles/" + pk + "/", access, null), 200)
                    .path("status").asText());
            StackClient.data(gateway.send("GET", "/api/v1/webhooks/" + webhookPk + "/", access, null), 200);
        } finally {
            receiver.stop(0);
        }
        System.out.printf("[e2e] the partner's journey took %.1f s%n", (System.nanoTime() - began) / 1e9);
    }

    private static String webhookPk(StackClient gateway, String access) throws Exception {
        JsonNode endpoints = StackClient.data(gateway.send("GET", "/api/v1/webhooks/", access, null), 200);
        JsonNode first = endpoints.isArray() ? endpoints.get(0) : endpoints.path("results").get(0);
        return first.path("pk").asText();
    }

    /** A request the partner's receiver got. */
    private record Received(Map<String, List<String>> headers, String body) {

        Received(com.sun.net.httpserver.Headers raw, String body) {
            this(lowerCased(raw), body);
        }

        private static Map<String, List<String>> lowerCased(com.sun.net.httpserver.Headers raw) {
            Map<String, List<String>> headers = new java.util.HashMap<>();
            raw.forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
            return headers;
        }

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        boolean about(long analysisPk) {
            return body.contains("\"analysis.completed\"") && body.contains("\"pk\":" + analysisPk + ",");
        }
    }
}

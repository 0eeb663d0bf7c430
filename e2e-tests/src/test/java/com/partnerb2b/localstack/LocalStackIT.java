package com.partnerb2b.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How the system started by {@code ./partnerb2b start} behaves through its gateway: tokens, a profile's
 * event on the local broker, body limits, authentication on every route, Kafka down, bursts.
 */
@Order(4)
@ExtendWith(RunningStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final ObjectMapper JSON = StackClient.JSON;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String baseUrl;
    private static String demoKey;
    private static Path home;
    private static int kafkaPort;
    private static StackClient client;

    @BeforeAll
    static void stack() {
        RunningStack.Stack stack = RunningStack.stack();
        baseUrl = stack.baseUrl;
        demoKey = stack.demoKey;
        home = stack.home;
        kafkaPort = stack.kafkaPort;
        client = new StackClient(baseUrl);
        assertTrue(stack.operatorKey.startsWith("pb2b_op_"));
    }

    @Test
    void the_demo_key_gets_tokens_through_the_gateway() throws Exception {
        HttpResponse<String> response = post("/api/v1/auth/token/", "{\"apiKey\":\"" + demoKey + "\"}", "it-trace-1");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertFalse(body.path("data").path("access").asText().isEmpty());
        assertFalse(body.path("data").path("refesh_expire").asText().isEmpty());
        assertEquals("it-trace-1", response.headers().firstValue("X-Request-Id").orElseThrow());
        assertEquals("it-trace-1", body.path("meta").path("request_id").asText());

        String refresh = body.path("data").path("refresh").asText();
        HttpResponse<String> refreshed = post("/api/v1/auth/token/refresh", "{\"refresh\":\"" + refresh + "\"}", null);
        assertEquals(200, refreshed.statusCode(), refreshed.body());
    }

    @Test
    void a_partner_builds_uploads_and_submits_a_profile_and_the_event_reaches_kafka() throws Exception {
        String access = JSON.readTree(post("/api/v1/auth/token/", "{\"apiKey\":\"" + demoKey + "\"}", null).body())
                .path("data").path("access").asText();

        HttpResponse<String> metadata = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/metadata/"))
                .header("Authorization", "Bearer " + access).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metadata.statusCode(), metadata.body());
        assertEquals("family_situation", JSON.readTree(metadata.body()).path("data").path("family situation").get(0).path("name").asText());

        String profile = profileJson("IT-1");
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/profiles/"))
                .header("Authorization", "Bearer " + access).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(profile)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        long pk = JSON.readTree(created.body()).path("data").path("pk").asLong();

        HttpResponse<String> uploaded = HTTP.send(client.upload(pk, access, "bank_statement", "releve.pdf", pdf(), Map.of()),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, uploaded.statusCode(), uploaded.body());

        HttpResponse<String> submitted = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/profiles/" + pk + "/submit/"))
                .header("Authorization", "Bearer " + access).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, submitted.statusCode(), submitted.body());
        assertEquals("Complet", JSON.readTree(submitted.body()).path("data").path("status").asText());

        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, String> consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(Map.of(
                "bootstrap.servers", "127.0.0.1:" + kafkaPort, "group.id", "it-" + System.nanoTime(), "auto.offset.reset", "earliest",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"))) {
            consumer.subscribe(List.of("profile-submitted"));
            long deadline = System.currentTimeMillis() + 60_000;
            boolean seen = false;
            while (!seen && System.currentTimeMillis() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    seen |= String.valueOf(pk).equals(record.key())
                            && "IT-1".equals(JSON.readTree(record.value()).path("data").path("externalReference").asText());
                }
            }
            assertTrue(seen, "profile-submitted event for " + pk + " on the local broker");
        }
    }

    @Test
    void an_eleven_megabyte_pdf_through_the_gateway_is_a_413_envelope() throws Exception {
        String access = JSON.readTree(post("/api/v1/auth/token/", "{\"apiKey\":\"" + demoKey + "\"}", null).body())
                .path("data").path("access").asText();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/profiles/"))
                .header("Authorization", "Bearer " + access).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(profileJson("IT-413")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        long pk = JSON.readTree(created.body()).path("data").path("pk").asLong();

        // A real PDF padded after its end marker to 11 MiB: above the service's body limit with the multipart framing.
        byte[] document = Arrays.copyOf(pdf(), 11 * 1024 * 1024);
        HttpResponse<String> uploaded = HTTP.send(client.upload(pk, access, "bank_statement", "grand.pdf", document,
                Map.of("X-Request-Id", "it-upload-413")), HttpResponse.BodyHandlers.ofString());

        assertEquals(413, uploaded.statusCode(), uploaded.body());
        JsonNode body = JSON.readTree(uploaded.body());
        assertEquals("payload_too_large", body.path("error").path("code").asText(), uploaded.body());
        assertEquals("it-upload-413", uploaded.headers().firstValue("X-Request-Id").orElseThrow());
        assertEquals("it-upload-413", body.path("meta").path("request_id").asText());
    }

    @Test
    void every_route_of_a_running_service_without_a_token_is_a_401_envelope_through_the_gateway() throws Exception {
        RouteTable table = RouteTable.load(Path.of("..", "deploy", "routes.yaml").toAbsolutePath().normalize());
        Set<String> running = Set.of("auth-service", "profile-service");
        Set<String> publicPrefixes = Set.of("/.well-known/jwks.json");
        List<String> refusedOtherwise = new ArrayList<>();
        int calls = 0;
        for (RouteTable.Route route : table.routes()) {
            if (route.prefix() == null || !running.contains(route.service()) || publicPrefixes.contains(route.prefix())) {
                continue;
            }
            for (String path : List.of(route.prefix(), route.prefix() + "1/", route.prefix() + "1/documents/")) {
                for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
                    HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{\"apiKey\": \"x\"}");
                    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .header("Content-Type", "application/json").method(method, body).build(), HttpResponse.BodyHandlers.ofString());
                    calls++;
                    boolean envelope = answer.statusCode() == 401
                            && "authentication_error".equals(JSON.readTree(answer.body()).path("error").path("code").asText());
                    if (!envelope) {
                        refusedOtherwise.add(method + " " + path + " → " + answer.statusCode() + " " + answer.body());
                    }
                }
            }
        }
        assertTrue(calls >= 60, "the route table was walked: " + calls + " calls");
        assertEquals(List.of(), refusedOtherwise);
    }

    /** Near the end: it stops the stack's Kafka broker for good. */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void with_kafka_stopped_profile_service_stays_ready_and_submits_still_succeed() throws Exception {
        ProcessHandle broker = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains("kafka.Kafka") && line.contains(home.toString())).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("the stack's Kafka broker process"));
        broker.destroy();
        broker.onExit().get(60, TimeUnit.SECONDS);

        String access = JSON.readTree(post("/api/v1/auth/token/", "{\"apiKey\":\"" + demoKey + "\"}", null).body())
                .path("data").path("access").asText();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/profiles/"))
                .header("Authorization", "Bearer " + access).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(profileJson("IT-NO-KAFKA"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        long pk = JSON.readTree(created.body()).path("data").path("pk").asLong();
        HttpResponse<String> submitted = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/profiles/" + pk + "/submit/"))
                .header("Authorization", "Bearer " + access).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, submitted.statusCode(), submitted.body());

        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8082/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("UP", JSON.readTree(ready.body()).path("status").asText());
    }

    /** Last: it uses up this address's token attempts for a while. */
    @Test
    @Order(Integer.MAX_VALUE)
    void a_burst_of_token_requests_through_the_gateway_is_refused_429() throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 100 && (last == null || last.statusCode() != 429); i++) {
            last = post("/api/v1/auth/token/", "{\"apiKey\":\"pb2b_live_0000000000000000_guess" + i + "\"}", null);
            assertTrue(last.statusCode() == 401 || last.statusCode() == 429, last.statusCode() + " " + last.body());
        }
        assertEquals(429, last.statusCode(), "a burst is refused");
        assertEquals("rate_limited", JSON.readTree(last.body()).path("error").path("code").asText(), last.body());
        assertTrue(Integer.parseInt(last.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    }

    private static String profileJson(String externalReference) {
        return """
                {"attributes": {"lastname": "Dupont", "firstname": "Marie", "email": "marie@example.fr",
                 "phone_number": "0612345678", "birth_date": "1988-04-12", "delivery_address1": "1 rue de Paris",
                 "monthly_income": 2800, "monthly_charges": 900}, "externalReference": "%s"}""".formatted(externalReference);
    }

    @Test
    void an_unknown_path_is_the_json_404_with_a_request_id() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/nowhere")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("Not Found", body.path("error").path("message").asText());
        assertEquals(response.headers().firstValue("X-Request-Id").orElseThrow(), body.path("meta").path("request_id").asText());
    }

    @Test
    void jwks_is_published_through_the_gateway() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/.well-known/jwks.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("ES256", JSON.readTree(response.body()).path("keys").get(0).path("alg").asText());
    }

    private static HttpResponse<String> post(String path, String body, String requestId) throws Exception {
        return client.post(path, body, requestId);
    }

    private static byte[] pdf() throws IOException {
        return StackClient.pdf();
    }
}

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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs {@code ./partnerb2b start} as the README says, and uses the system through its gateway. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final Pattern READY = Pattern.compile(
            "^READY base_url=(\\S+) operator_key=(\\S+) demo_api_key=(\\S+)$");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Process stack;
    private static String baseUrl;
    private static String demoKey;
    private static Path home;
    private static int kafkaPort;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        home = Files.createTempDirectory("partnerb2b-it");
        ProcessBuilder builder = new ProcessBuilder("./partnerb2b", "start").directory(root.toFile())
                .redirectError(home.resolve("stderr.log").toFile());
        Map<String, String> env = new HashMap<>();
        env.put("PARTNERB2B_HOME", home.toString());
        env.put("PARTNERB2B_PORT", String.valueOf(freePort()));
        env.put("PARTNERB2B_DB_PORT", String.valueOf(freePort()));
        kafkaPort = freePort();
        env.put("PARTNERB2B_KAFKA_PORT", String.valueOf(kafkaPort));
        env.put("PARTNERB2B_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()));
        env.put("PARTNERB2B_SKIP_BUILD", "1");
        builder.environment().putAll(env);
        builder.environment().remove("PARTNERB2B_DB_HOST");
        builder.environment().remove("PARTNERB2B_KAFKA_BOOTSTRAP_SERVERS");
        stack = builder.start();

        CompletableFuture<Matcher> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = READY.matcher(line);
                    if (m.matches()) {
                        return m;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        Matcher m = ready.get(180, TimeUnit.SECONDS);
        assertNotNull(m, () -> "no READY line; stderr:\n" + read(home.resolve("stderr.log")));
        baseUrl = m.group(1);
        demoKey = m.group(3);
        assertTrue(m.group(2).startsWith("pb2b_op_"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.destroy();
            assertTrue(stack.waitFor(60, TimeUnit.SECONDS), "the stack stops on SIGTERM");
            assertFalse(stack.isAlive());
        }
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

        String boundary = "----partnerb2b" + System.nanoTime();
        java.io.ByteArrayOutputStream multipart = new java.io.ByteArrayOutputStream();
        multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attribute\"\r\n\r\nbank_statement\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"releve.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        multipart.write(pdf());
        multipart.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> uploaded = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/profiles/" + pk + "/documents/"))
                .header("Authorization", "Bearer " + access).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
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
    void a_submitted_profile_is_analysed_scored_shown_on_the_profile_and_delivered_by_signed_webhook() throws Exception {
        String access = JSON.readTree(post("/api/v1/auth/token/", "{\"apiKey\":\"" + demoKey + "\"}", null).body())
                .path("data").path("access").asText();
        String profile = """
                {"attributes": {"lastname": "Martin", "firstname": "Paul", "email": "paul@example.fr",
                 "phone_number": "0612345678", "birth_date": "1979-03-02", "delivery_address1": "2 rue de Lyon",
                 "monthly_income": 3200, "monthly_charges": 600, "requested_amount": 8000, "credit_duration_months": 24,
                 "credit_purpose": "voiture_occasion", "checking_account_status": "créditeur_200_et_plus",
                 "savings_amount": 1500, "credit_history": "crédits_remboursés", "professional_situation": "salarié",
                 "years_in_current_job": 8, "guarantor": "aucun", "years_at_current_address": 6, "assets": "immobilier",
                 "other_credits": "aucun", "housing_situation": "propriétaire", "existing_credits_number": 1,
                 "children_number": 2}, "externalReference": "IT-ANALYSIS"}""";
        // The partner's receiver, on this machine (local mode allows plain http to loopback).
        java.util.List<String[]> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] { exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body });
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            HttpResponse<String> configured = send("POST", "/api/v1/webhooks/configure/", access,
                    "{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks\"}");
            assertEquals(201, configured.statusCode(), configured.body());
            String secret = JSON.readTree(configured.body()).path("data").path("secret").asText();

            HttpResponse<String> created = send("POST", "/api/v1/profiles/", access, profile);
            assertEquals(201, created.statusCode(), created.body());
            long pk = JSON.readTree(created.body()).path("data").path("pk").asLong();

            HttpResponse<String> draft = send("POST", "/api/v1/profiles/" + pk + "/analyses/", access, null);
            assertEquals(400, draft.statusCode(), draft.body());
            assertEquals("Profile not submitted", JSON.readTree(draft.body()).path("error").path("message").asText());

            HttpResponse<String> submitted = send("POST", "/api/v1/profiles/" + pk + "/submit/", access, null);
            assertEquals(200, submitted.statusCode(), submitted.body());
            // Asked at once: the submission event may still be on its way; either way the answer is 201.
            HttpResponse<String> requested = send("POST", "/api/v1/profiles/" + pk + "/analyses/", access, null);
            assertEquals(201, requested.statusCode(), requested.body());
            JsonNode answer = JSON.readTree(requested.body()).path("data");
            assertEquals("Vous venez de faire une demande d'analyse pour le profile " + pk, answer.path("message").asText());
            assertEquals("pending", answer.path("status").asText());
            long analysisPk = answer.path("pk").asLong();

            JsonNode analysis = awaitJson("/api/v1/analyses/" + analysisPk + "/", access,
                    data -> "completed".equals(data.path("status").asText()));
            assertTrue(analysis.path("score").isInt(), analysis.toString());
            assertTrue(List.of("A", "B", "C", "D", "E").contains(analysis.path("grade").asText()), analysis.toString());
            assertTrue(List.of("approve", "review", "decline").contains(analysis.path("decision").asText()), analysis.toString());
            assertTrue(analysis.path("reasons").size() <= 4, analysis.toString());
            assertEquals(0, analysis.path("missing_inputs").size(), analysis.toString());
            assertEquals("354.56", analysis.path("affordability").path("monthly_instalment").decimalValue().toPlainString(),
                    "8,000 over 24 months at 6 %");

            JsonNode shown = awaitJson("/api/v1/profiles/" + pk + "/", access,
                    data -> data.path("last_analyse").path("score").asInt(-1) == analysis.path("score").asInt());
            assertEquals("analyzed", shown.path("status").asText());

            // The signed webhook: analysis.completed for this analysis, HMAC-SHA256 of "id.timestamp.body" with the secret.
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> received.stream()
                    .anyMatch(hit -> hit[3].contains("\"analysis.completed\"") && hit[3].contains("\"pk\":" + analysisPk + ",")));
            String[] hit = received.stream().filter(h -> h[3].contains("\"pk\":" + analysisPk + ",")).findFirst().orElseThrow();
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + java.util.Base64.getEncoder().encodeToString(
                    mac.doFinal((hit[0] + "." + hit[1] + "." + hit[3]).getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, hit[2], "the signature verifies with the secret shown at configuration");
            assertEquals(analysis.path("score").asInt(), JSON.readTree(hit[3]).path("data").path("score").asInt());
        } finally {
            receiver.stop(0);
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
        String boundary = "----partnerb2b" + System.nanoTime();
        java.io.ByteArrayOutputStream multipart = new java.io.ByteArrayOutputStream();
        multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attribute\"\r\n\r\nbank_statement\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"grand.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        multipart.write(document);
        multipart.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> uploaded = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/profiles/" + pk + "/documents/"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + access).header("X-Request-Id", "it-upload-413")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());

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

    private static byte[] pdf() throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(out);
            return out.toByteArray();
        }
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

    private static HttpResponse<String> send(String method, String path, String access, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + access);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs the path every half second until its data satisfies the condition (a minute at most); returns that data. */
    private static JsonNode awaitJson(String path, String access, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] data = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> response = send("GET", path, access, null);
            assertEquals(200, response.statusCode(), response.body());
            data[0] = JSON.readTree(response.body()).path("data");
            return condition.test(data[0]);
        });
        return data[0];
    }

    private static HttpResponse<String> post(String path, String body, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final java.util.Set<Integer> CHOSEN_PORTS = new java.util.HashSet<>();

    /**
     * A free port below the ephemeral range (Linux: from 32768): a port the kernel hands out for
     * outgoing connections could be taken by one of the stack's own clients between this choice and
     * the server's bind (seen once as "Address already in use" for the gateway). Never the same twice.
     */
    private static int freePort() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int tries = 0; tries < 1000; tries++) {
            int port = 20000 + random.nextInt(12000);
            if (CHOSEN_PORTS.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                CHOSEN_PORTS.add(port);
                return socket.getLocalPort();
            } catch (IOException taken) {
                // in use: try another
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable)";
        }
    }
}

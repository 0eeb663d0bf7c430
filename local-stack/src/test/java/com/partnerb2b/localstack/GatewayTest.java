package com.partnerb2b.localstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * The real gateway on 127.0.0.1 in front of stand-in services, routed by the real
 * {@code deploy/routes.yaml} with the services' ports moved to the stand-ins.
 */
class GatewayTest {

    private static final int ELEVEN_MB = 11 * 1024 * 1024;
    private static final String TOO_LARGE = "{\"error\":{\"code\":\"payload_too_large\",\"message\":\"Payload Too Large\",\"details\":[]}}";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static Vertx vertx;
    private static StubService auth;
    private static StubService profile;
    private static StubService hung;
    private static Gateway gateway;
    private static Gateway impatientGateway;
    private static Gateway crowdedGateway;
    private static int port;
    private static int impatientPort;
    private static int crowdedPort;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        auth = StubService.start(vertx, GatewayTest::echo);
        profile = StubService.start(vertx, GatewayTest::profileService);
        hung = StubService.start(vertx, request -> {
            // Accepts the connection and the request, never answers.
        });
        RouteTable routes = RouteTable.load(Path.of("../deploy/routes.yaml")).withServicePorts(Map.of(
                "auth-service", auth.port(),
                "profile-service", profile.port(),
                "analysis-service", refusedPort(),
                "webhook-service", hung.port()));
        gateway = new Gateway(vertx, routes, "127.0.0.1",
                GatewayOptions.defaults().withEventLoops(3).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20)));
        port = gateway.start("127.0.0.1", 0);
        impatientGateway = new Gateway(vertx, routes, "127.0.0.1",
                GatewayOptions.defaults().withEventLoops(1).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500)));
        impatientPort = impatientGateway.start("127.0.0.1", 0);
        crowdedGateway = new Gateway(vertx, routes, "127.0.0.1", GatewayOptions.defaults().withEventLoops(1)
                .withConnectionsPerService(1).withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(20)));
        crowdedPort = crowdedGateway.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {gateway, impatientGateway, crowdedGateway, auth, profile, hung}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    private static void echo(HttpServerRequest request) {
        request.body().onSuccess(body -> request.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("uri", request.uri()).put("bytes", body.length()).encode()));
    }

    private static void profileService(HttpServerRequest request) {
        switch (request.path()) {
            case "/api/v1/profiles/1/documents/" ->
                // As a service with a body limit does: answer from the headers, close without reading the body.
                request.response().setStatusCode(413).putHeader("Content-Type", "application/json")
                        .putHeader("Connection", "close").end(TOO_LARGE)
                        .onComplete(written -> request.connection().close());
            case "/api/v1/profiles/3/documents/" ->
                // As Quarkus does for a Content-Length above its body limit: an empty 413, then close.
                request.response().setStatusCode(413).putHeader("Connection", "close").end()
                        .onComplete(written -> request.connection().close());
            case "/api/v1/profiles/broken/" -> {
                request.response().setChunked(true).putHeader("Content-Type", "text/plain").write("partial");
                request.response().write("-answer").onComplete(written -> request.connection().close());
            }
            default -> echo(request);
        }
    }

    @Test
    void an_early_413_from_the_service_reaches_the_caller_while_the_upload_is_still_streaming() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<String> response = HTTP.send(upload("/api/v1/profiles/1/documents/", "upload-" + attempt),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), response.body());
            assertEquals(TOO_LARGE, response.body());
            assertEquals("upload-" + attempt, response.headers().firstValue("X-Request-Id").orElseThrow());
        }
    }

    @Test
    void an_early_413_without_a_body_reaches_the_caller_in_the_error_envelope() throws Exception {
        HttpResponse<String> response = HTTP.send(upload("/api/v1/profiles/3/documents/", "upload-empty-413"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        JsonObject body = new JsonObject(response.body());
        assertEquals("payload_too_large", body.getJsonObject("error").getString("code"));
        assertEquals("Payload Too Large", body.getJsonObject("error").getString("message"));
        assertEquals("upload-empty-413", body.getJsonObject("meta").getString("request_id"));
        assertEquals("upload-empty-413", response.headers().firstValue("X-Request-Id").orElseThrow());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void an_upload_of_eleven_megabytes_is_streamed_to_the_service_whole() throws Exception {
        HttpResponse<String> response = HTTP.send(upload("/api/v1/profiles/2/documents/", "upload-ok"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(ELEVEN_MB, new JsonObject(response.body()).getInteger("bytes"));
    }

    @Test
    void a_service_that_never_answers_is_a_504_envelope_with_the_request_id() throws Exception {
        RawHttp.Answer answer = RawHttp.get(impatientPort, "/api/v1/webhooks/configure/", "hung-1");
        assertEquals(504, answer.status(), answer.raw());
        assertEnvelope(answer, "gateway_timeout", "Gateway Timeout", "hung-1");
        assertTrue(hung.seen().stream().anyMatch(seen -> "hung-1".equals(seen.headers().get("X-Request-Id"))));
    }

    @Test
    void a_request_that_gets_no_connection_to_its_service_in_time_is_a_503_and_never_sent() throws Exception {
        // The one connection the crowded gateway keeps to webhook-service is held by a request the service never answers.
        try (Socket holder = new Socket("127.0.0.1", crowdedPort)) {
            holder.getOutputStream().write(("GET /api/v1/webhooks/configure/ HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: crowd-1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            holder.getOutputStream().flush();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> hung.seen().stream().anyMatch(seen -> "crowd-1".equals(seen.headers().get("X-Request-Id"))));

            RawHttp.Answer answer = RawHttp.get(crowdedPort, "/api/v1/webhooks/configure/", "crowd-2");

            assertEquals(503, answer.status(), answer.raw());
            assertEnvelope(answer, "service_unavailable", "Service Unavailable", "crowd-2");
            assertEquals("5", answer.header("Retry-After"));
            assertTrue(hung.seen().stream().noneMatch(seen -> "crowd-2".equals(seen.headers().get("X-Request-Id"))),
                    "a request answered 503 must not have reached the service");
        }
    }

    @Test
    void a_service_that_refuses_connections_is_a_503_envelope() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/api/v1/analyses/3/", "down-1");
        assertEquals(503, answer.status(), answer.raw());
        assertEnvelope(answer, "service_unavailable", "Service Unavailable", "down-1");
        assertEquals("5", answer.header("Retry-After"));
    }

    @Test
    void a_service_that_drops_the_connection_after_its_headers_closes_the_callers_connection() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/api/v1/profiles/broken/", "broken-1");
        assertEquals(200, answer.status(), answer.raw());
        assertEquals("chunked", answer.header("Transfer-Encoding"));
        assertFalse(answer.body().endsWith("0\r\n\r\n"), "the truncated body must not look complete: " + answer.raw());
        assertFalse(answer.raw().contains("503"), answer.raw());
    }

    @Test
    void dot_segments_are_resolved_before_routing_and_the_resolved_path_is_forwarded() throws Exception {
        assertForwarded("/api/v1/profiles/../../../admin/v1/partners/", auth, "/admin/v1/partners/");
        assertForwarded("/api/v1/profiles/%2e%2e/%2E%2E/%2e%2e/admin/v1/partners/", auth, "/admin/v1/partners/");
        assertForwarded("//admin//v1/partners", auth, "/admin/v1/partners");
        assertForwarded("/api/v1/profiles/./12/../13/submit/", profile, "/api/v1/profiles/13/submit/");
        assertForwarded("/api/v1/profiles/1/?status=complete&next=%2F..%2Fadmin&x=a//b", profile,
                "/api/v1/profiles/1/?status=complete&next=%2F..%2Fadmin&x=a//b");
    }

    @Test
    void a_path_that_resolves_outside_every_route_is_a_404_and_reaches_no_service() throws Exception {
        int before = auth.seen().size() + profile.seen().size();
        RawHttp.Answer answer = RawHttp.get(port, "/api/v1/profiles/../../admin/v1/partners/", "trav-1");
        assertEquals(404, answer.status(), answer.raw());
        assertEnvelope(answer, "not_found", "Not Found", "trav-1");
        assertEquals(before, auth.seen().size() + profile.seen().size());
    }

    @Test
    void paths_that_cannot_be_normalised_safely_are_a_400_and_reach_no_service() throws Exception {
        int before = auth.seen().size() + profile.seen().size();
        for (String target : new String[] {
                "/api/v1/profiles/1%2F..%2F..%2F..%2Fadmin/v1/partners/",
                "/api/v1/profiles/1%2f..%2f..%2f..%2fadmin/v1/partners/",
                "/api/v1/profiles/..%5C..%5C..%5Cadmin/v1/partners/",
                "/api/v1/profiles/..\\..\\..\\admin/v1/partners/",
                "/../admin/v1/partners/",
                "/api/v1/profiles/../../../../admin/v1/partners/",
                "/api/v1/profiles/%00/",
                "/api/v1/profiles/%0d%0aX-Injected:%20yes/",
                "/api/v1/profiles/%zz/"}) {
            RawHttp.Answer answer = RawHttp.get(port, target, "bad-path");
            assertEquals(400, answer.status(), target + " -> " + answer.raw());
            assertEnvelope(answer, "bad_request", "Bad Request", "bad-path");
        }
        assertEquals(before, auth.seen().size() + profile.seen().size());
    }

    /** Found by BadInputIT: Vert.x's default answer to an undecodable request has an empty body. */
    @Test
    void requests_the_http_decoder_refuses_are_answered_in_the_error_envelope() throws Exception {
        RawHttp.Answer longLine = RawHttp.get(port, "/api/v1/profiles/" + "x".repeat(9000) + "/", null);
        assertEquals(414, longLine.status(), longLine.raw());
        assertEquals("close", longLine.headers().get("connection"));
        assertUndecodableEnvelope(longLine, "uri_too_long");

        RawHttp.Answer longHeader = RawHttp.exchange(port, "GET /api/v1/profiles/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: "
                + "y".repeat(9000) + "\r\nConnection: close\r\n\r\n");
        assertEquals(431, longHeader.status(), longHeader.raw());
        assertUndecodableEnvelope(longHeader, "headers_too_large");

        RawHttp.Answer garbage = RawHttp.exchange(port, "GET /api/v1/profiles/ HTTP/1.1\r\nHost: 127.0.0.1\r\nnot a header line\r\n"
                + "Content-Length: nope\r\n\r\n");
        assertEquals(400, garbage.status(), garbage.raw());
        assertUndecodableEnvelope(garbage, "bad_request");
    }

    private static void assertUndecodableEnvelope(RawHttp.Answer answer, String code) throws Exception {
        JsonObject body = new JsonObject(answer.body());
        assertEquals(code, body.getJsonObject("error").getString("code"), answer.raw());
        assertTrue(body.getJsonObject("error").getJsonArray("details").isEmpty());
        assertEquals(answer.headers().get("x-request-id"), body.getJsonObject("meta").getString("request_id"));
    }

    @Test
    void a_safe_request_id_reaches_the_service_and_comes_back_unchanged() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/api/v1/auth/token/", "Partner.trace_01:abc-XYZ");
        assertEquals(200, answer.status(), answer.raw());
        assertEquals("Partner.trace_01:abc-XYZ", answer.header("X-Request-Id"));
        StubService.Seen seen = auth.seen().stream()
                .filter(s -> "Partner.trace_01:abc-XYZ".equals(s.headers().get("X-Request-Id"))).findFirst().orElseThrow();
        assertEquals("127.0.0.1", seen.headers().get("X-Forwarded-For"));
        assertEquals("http", seen.headers().get("X-Forwarded-Proto"));
        assertEquals("127.0.0.1:" + port, seen.headers().get("X-Forwarded-Host"));
        assertEquals(String.valueOf(port), seen.headers().get("X-Forwarded-Port"));
    }

    @Test
    void a_missing_or_unsafe_request_id_is_replaced_and_the_service_receives_the_replacement() throws Exception {
        for (String offered : new String[] {null, "a".repeat(129), "../../etc/passwd", "two words"}) {
            String marker = "/api/v1/auth/token/?case=" + System.nanoTime();
            RawHttp.Answer answer = RawHttp.get(port, marker, offered);
            assertEquals(200, answer.status(), answer.raw());
            String generated = answer.header("X-Request-Id");
            assertNotNull(generated);
            assertNotEquals(offered, generated);
            assertTrue(generated.matches("[A-Za-z0-9._:-]{1,128}"), generated);
            StubService.Seen seen = auth.seen().stream().filter(s -> s.uri().equals(marker)).findFirst().orElseThrow();
            assertEquals(generated, seen.headers().get("X-Request-Id"));
        }
    }

    @Test
    void the_gateways_own_errors_carry_a_generated_request_id_in_header_and_body() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/nowhere", null);
        assertEquals(404, answer.status(), answer.raw());
        assertNotNull(answer.header("X-Request-Id"));
        assertEnvelope(answer, "not_found", "Not Found", answer.header("X-Request-Id"));
    }

    @Test
    void a_connection_carries_the_next_request_after_a_gateway_error_or_a_forwarded_answer() throws Exception {
        String host = "Host: 127.0.0.1:" + port + "\r\n";
        RawHttp.Answer answers = RawHttp.exchange(port,
                "GET /nowhere HTTP/1.1\r\n" + host + "\r\n"
                        + "GET /api/v1/metadata/ HTTP/1.1\r\n" + host + "\r\n"
                        + "GET /api/v1/auth/token/ HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n");
        assertEquals(3, answers.raw().split("HTTP/1.1 ", -1).length - 1, answers.raw());
        assertTrue(answers.raw().startsWith("HTTP/1.1 404"), answers.raw());
        assertTrue(answers.raw().contains("\"uri\":\"/api/v1/metadata/\""), answers.raw());
        assertTrue(answers.raw().contains("\"uri\":\"/api/v1/auth/token/\""), answers.raw());
    }

    @Test
    void requests_are_served_by_more_than_one_event_loop() throws Exception {
        Map<String, Long> before = gateway.requestsPerEventLoop();
        // Each request on its own connection: connections are spread over the gateway's event loops.
        CompletableFuture<?>[] requests = IntStream.range(0, 12).mapToObj(i -> CompletableFuture.runAsync(() -> {
            try {
                assertEquals(200, RawHttp.get(port, "/api/v1/metadata/", "loop-" + i).status());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(requests).get();

        Map<String, Long> after = gateway.requestsPerEventLoop();
        AtomicLong total = new AtomicLong();
        long loopsThatServed = after.entrySet().stream().filter(e -> {
            long served = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            total.addAndGet(served);
            return served > 0;
        }).count();
        assertEquals(12, total.get());
        assertTrue(loopsThatServed >= 2, "requests per event loop: " + after);
        assertTrue(after.keySet().stream().allMatch(thread -> thread.startsWith("vert.x-eventloop-thread-")), after.toString());
    }

    private static void assertForwarded(String target, StubService service, String expectedUri) throws Exception {
        String requestId = "fwd-" + System.nanoTime();
        RawHttp.Answer answer = RawHttp.get(port, target, requestId);
        assertEquals(200, answer.status(), target + " -> " + answer.raw());
        assertEquals(expectedUri, new JsonObject(answer.body()).getString("uri"), target);
        assertTrue(service.seen().stream().anyMatch(seen -> seen.uri().equals(expectedUri)
                && requestId.equals(seen.headers().get("X-Request-Id"))), target + " reached " + service.seen());
    }

    private static void assertEnvelope(RawHttp.Answer answer, String code, String message, String requestId) {
        assertEquals("application/json", answer.header("Content-Type"));
        assertEquals(requestId, answer.header("X-Request-Id"));
        JsonObject body = new JsonObject(answer.body());
        JsonObject error = body.getJsonObject("error");
        assertEquals(code, error.getString("code"));
        assertEquals(message, error.getString("message"));
        assertTrue(error.getJsonArray("details").isEmpty(), "details: always a list");
        assertEquals(requestId, body.getJsonObject("meta").getString("request_id"));
        assertNotNull(body.getJsonObject("meta").getString("timestamp"));
    }

    private static HttpRequest upload(String path, String requestId) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/pdf")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[ELEVEN_MB]))
                .build();
    }

    private static int refusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package com.partnerb2b.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * profile-service's {@code GET /api/v1/profiles/{pk}/} as the tests script it, on loopback: what
 * analysis-service hears when it asks about a profile whose submission event has not arrived. It
 * answers only for the token a profile was scripted for (another partner's token → 404, as the real
 * service does), and records the headers it received.
 */
public class ProfileServiceStandIn implements QuarkusTestResourceLifecycleManager {

    /** A scripted answer for one partner's token. */
    public record Scripted(String authorization, int status, String body) {
    }

    private static final String NOT_FOUND = "{\"error\": {\"code\": \"not_found\", \"message\": \"Profile Not Found\", \"details\": []}}";
    private static final Map<Long, Scripted> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<Long, Map<String, String>> HEARD = new ConcurrentHashMap<>();
    private static HttpServer server;

    public static void answer(long pk, String authorization, int status, String body) {
        ANSWERS.put(pk, new Scripted(authorization, status, body));
    }

    public static void submitted(long pk, String authorization, String submissionId) {
        answer(pk, authorization, 200, """
                {"data": {"pk": %d, "status": "complete", "submissionId": "%s"}}""".formatted(pk, submissionId));
    }

    /** As profile-service answers for a profile deleted (or another partner's). */
    public static void notFound(long pk, String authorization) {
        answer(pk, authorization, 404, NOT_FOUND);
    }

    public static void draft(long pk, String authorization) {
        answer(pk, authorization, 200, """
                {"data": {"pk": %d, "status": "draft", "submissionId": null}}""".formatted(pk));
    }

    /** The headers of the last request about this profile (lower-case names), or null. */
    public static Map<String, String> heard(long pk) {
        return HEARD.get(pk);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/api/v1/profiles/", this::handle);
        server.start();
        return Map.of("quarkus.rest-client.profile-service.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        long pk = parts.length > 4 && parts[4].matches("\\d+") ? Long.parseLong(parts[4]) : -1;
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        HEARD.put(pk, headers);
        Scripted scripted = ANSWERS.get(pk);
        String authorization = headers.get("authorization");
        if (scripted == null || !scripted.authorization().equals(authorization)) {
            scripted = new Scripted(authorization, 404, NOT_FOUND);
        }
        byte[] body = scripted.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(scripted.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

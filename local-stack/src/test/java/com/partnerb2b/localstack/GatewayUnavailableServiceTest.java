package com.partnerb2b.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

/** A route whose service is not listening is a JSON 503 from the gateway, not a hang nor an HTML page. */
class GatewayUnavailableServiceTest {

    @Test
    void a_route_whose_service_is_not_running_is_a_json_503() throws Exception {
        RouteTable routes = RouteTable.load(Path.of("..").toAbsolutePath().normalize().resolve("deploy/routes.yaml"));
        Map<String, Integer> ports = new HashMap<>(routes.servicePorts());
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ports.replaceAll((service, port) -> closed);
        Vertx vertx = Vertx.vertx();
        try (Gateway gateway = new Gateway(vertx, routes.withServicePorts(ports), "127.0.0.1")) {
            int port = gateway.start("127.0.0.1", 0);
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/webhooks/configure/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"code\":\"service_unavailable\""), response.body());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }
}

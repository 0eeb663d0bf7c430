package com.partnerb2b.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;

/** The gateway answers the OpenAPI document and Swagger UI itself, whatever service is running. */
class GatewayDocsTest {

    private static Vertx vertx;
    private static Gateway gateway;
    private static int port;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        RouteTable routes = RouteTable.load(Path.of("..").toAbsolutePath().normalize().resolve("deploy/routes.yaml"));
        vertx = Vertx.vertx();
        gateway = new Gateway(vertx, routes, "127.0.0.1");
        port = gateway.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    private static HttpResponse<String> call(String method, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_openapi_document_is_served_as_json() throws Exception {
        HttpResponse<String> response = call("GET", "/api/v1/openapi.json");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
        var document = new ObjectMapper().readTree(response.body());
        assertEquals("3.1.0", document.path("openapi").asText());
        assertTrue(document.path("paths").has("/api/v1/profiles/{pk}/submit/"));
    }

    @Test
    void swagger_ui_is_served_and_points_at_the_document() throws Exception {
        HttpResponse<String> page = call("GET", "/api/v1/docs/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent());
        assertTrue(page.body().contains("swagger-ui-bundle.js"), page.body());
        HttpResponse<String> init = call("GET", "/api/v1/docs/swagger-initializer.js");
        assertTrue(init.body().contains("\"/api/v1/openapi.json\""), init.body());
        for (String file : new String[] { "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css" }) {
            HttpResponse<String> asset = call("GET", "/api/v1/docs/" + file);
            assertEquals(200, asset.statusCode(), file);
            assertTrue(asset.body().length() > 1000, file);
        }
        HttpResponse<String> bare = call("GET", "/api/v1/docs");
        assertEquals(301, bare.statusCode());
        assertEquals("/api/v1/docs/", bare.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void anything_else_there_is_a_json_error() throws Exception {
        for (String path : new String[] { "/api/v1/docs/nothing.js", "/api/v1/docs/%2e%2e/pom.xml", "/api/v1/docs/sub/index.html" }) {
            HttpResponse<String> response = call("GET", path);
            assertTrue(response.statusCode() == 404 || response.statusCode() == 400, path + " → " + response.statusCode());
            assertTrue(response.body().contains("\"error\""), response.body());
        }
        HttpResponse<String> post = call("POST", "/api/v1/openapi.json");
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
        assertTrue(post.body().contains("\"code\":\"method_not_allowed\""), post.body());
    }
}

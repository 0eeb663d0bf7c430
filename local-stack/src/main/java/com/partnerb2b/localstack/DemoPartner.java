package com.partnerb2b.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes sure an active demo partner with a working API key exists, through the public API (the
 * gateway) exactly as an operator would; the key is kept in the local folder across restarts.
 */
final class DemoPartner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;

    DemoPartner(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String ensure(Path keyFile, String operatorKey) throws IOException, InterruptedException {
        if (Files.exists(keyFile)) {
            String saved = Files.readString(keyFile).strip();
            if (post("/api/v1/auth/token/", "{\"apiKey\":" + JSON.writeValueAsString(saved) + "}", null).statusCode() == 200) {
                return saved;
            }
        }
        String operatorToken = data(post("/api/v1/auth/token/",
                "{\"apiKey\":" + JSON.writeValueAsString(operatorKey) + "}", null), 200).path("access").asText();
        String partner = data(post("/admin/v1/partners/", "{\"name\":\"Demo Partner\"}", operatorToken), 201)
                .path("pk").asText();
        data(post("/admin/v1/partners/" + partner + "/activate/", "", operatorToken), 200);
        String apiKey = data(post("/admin/v1/partners/" + partner + "/api-keys/", "", operatorToken), 201)
                .path("apiKey").asText();
        LocalKeys.writePrivate(keyFile, apiKey + "\n");
        return apiKey;
    }

    private HttpResponse<String> post(String path, String body, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode data(HttpResponse<String> response, int expected) throws IOException {
        if (response.statusCode() != expected) {
            throw new IOException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("data");
    }
}

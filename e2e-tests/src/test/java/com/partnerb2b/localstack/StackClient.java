package com.partnerb2b.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls to the system through its gateway, as a partner's or an operator's program makes them. */
final class StackClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;

    StackClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> send(String method, String path, String bearer, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        return HTTP.send(request(method, path, bearer, json, headers), HttpResponse.BodyHandlers.ofString());
    }

    /** A request as a partner's program makes it: bearer token, JSON body. */
    HttpRequest request(String method, String path, String bearer, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
    }

    HttpResponse<String> send(String method, String path, String bearer, String json) throws IOException, InterruptedException {
        return send(method, path, bearer, json, Map.of());
    }

    HttpResponse<String> post(String path, String json, String requestId) throws IOException, InterruptedException {
        return send("POST", path, null, json, requestId == null ? Map.of() : Map.of("X-Request-Id", requestId));
    }

    /** The {@code data} of an answer that must have the expected status. */
    static JsonNode data(HttpResponse<String> response, int expected) throws IOException {
        if (response.statusCode() != expected) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + " (expected " + expected + "): " + response.body());
        }
        return JSON.readTree(response.body()).path("data");
    }

    /**
     * A complete profile (every attribute the scorecard reads: 8,000 over 24 months, 3,200 a month
     * of income): submittable and scored with no missing input.
     */
    static String completeProfile(String lastname, String externalReference) throws IOException {
        return """
                {"attributes": {"lastname": %s, "firstname": "Paul", "email": "paul@example.fr",
                 "phone_number": "0612345678", "birth_date": "1979-03-02", "delivery_address1": "2 rue de Lyon",
                 "monthly_income": 3200, "monthly_charges": 600, "requested_amount": 8000, "credit_duration_months": 24,
                 "credit_purpose": "voiture_occasion", "checking_account_status": "créditeur_200_et_plus",
                 "savings_amount": 1500, "credit_history": "crédits_remboursés", "professional_situation": "salarié",
                 "years_in_current_job": 8, "guarantor": "aucun", "years_at_current_address": 6, "assets": "immobilier",
                 "other_credits": "aucun", "housing_situation": "propriétaire", "existing_credits_number": 1,
                 "children_number": 2}, "externalReference": %s}""".formatted(JSON.writeValueAsString(lastname),
                JSON.writeValueAsString(externalReference));
    }

    /** A partner made for a test: its pk and one API key. */
    record Partner(String pk, String apiKey) {
    }

    /** As the operator: a new partner, activated, and an API key of its. */
    Partner newPartner(String operatorAccess, String name) throws IOException, InterruptedException {
        String partner = data(politely(() -> send("POST", "/admin/v1/partners/", operatorAccess,
                "{\"name\":" + JSON.writeValueAsString(name) + "}")), 201).path("pk").asText();
        data(politely(() -> send("POST", "/admin/v1/partners/" + partner + "/activate/", operatorAccess, null)), 200);
        return new Partner(partner, data(politely(() -> send("POST", "/admin/v1/partners/" + partner + "/api-keys/", operatorAccess, null)), 201)
                .path("apiKey").asText());
    }

    String newPartnerKey(String operatorAccess, String name) throws IOException, InterruptedException {
        return newPartner(operatorAccess, name).apiKey();
    }

    /** An access token for an API key. */
    String access(String apiKey) throws IOException, InterruptedException {
        return tokens(apiKey).path("access").asText();
    }

    /** The token pair (access and refresh) for an API key. */
    JsonNode tokens(String apiKey) throws IOException, InterruptedException {
        return data(politely(() -> post("/api/v1/auth/token/", "{\"apiKey\":" + JSON.writeValueAsString(apiKey) + "}", null)), 200);
    }

    interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    /**
     * A call made as a well-behaved partner makes it: a 429 is made again after the Retry-After it
     * names (20 times at most; the answer is then returned as it is).
     */
    static HttpResponse<String> politely(Call call) throws IOException, InterruptedException {
        HttpResponse<String> answer = call.send();
        for (int tries = 0; answer.statusCode() == 429 && tries < 20; tries++) {
            long seconds = answer.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            TimeUnit.SECONDS.sleep(Math.max(1, seconds));
            answer = call.send();
        }
        return answer;
    }

    /** Uploads a one-page PDF (padded to {@code size} bytes when larger) as the attribute's document. */
    HttpResponse<String> upload(long profilePk, String attribute, String access, int size, Map<String, String> headers)
            throws IOException, InterruptedException {
        byte[] pdf = pdf();
        byte[] document = size > pdf.length ? java.util.Arrays.copyOf(pdf, size) : pdf;
        String boundary = "----partnerb2b" + System.nanoTime();
        ByteArrayOutputStream multipart = new ByteArrayOutputStream();
        multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attribute\"\r\n\r\n" + attribute + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"document.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        multipart.write(document);
        multipart.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/profiles/" + profilePk + "/documents/"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + access)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.toByteArray()));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs the path every half second until its data satisfies the condition (a minute at most); returns that data. */
    JsonNode await(String path, String access, Predicate<JsonNode> condition) {
        JsonNode[] data = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
            data[0] = data(send("GET", path, access, null), 200);
            return condition.test(data[0]);
        });
        return data[0];
    }

    /** An upload of {@code content} as the profile's document for {@code attribute} (multipart: the attribute, then the file). */
    HttpRequest upload(long profilePk, String bearer, String attribute, String filename, byte[] content, Map<String, String> headers) {
        String boundary = "----partnerb2b" + System.nanoTime();
        ByteArrayOutputStream multipart = new ByteArrayOutputStream();
        multipart.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attribute\"\r\n\r\n" + attribute + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        multipart.writeBytes(content);
        multipart.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/profiles/" + profilePk + "/documents/"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        headers.forEach(request::header);
        return request.POST(HttpRequest.BodyPublishers.ofByteArray(multipart.toByteArray())).build();
    }

    static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }
}

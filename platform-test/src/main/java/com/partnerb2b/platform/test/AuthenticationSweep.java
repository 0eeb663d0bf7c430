package com.partnerb2b.platform.test;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Calls every path a service answers without a valid token and expects the 401 error envelope
 * each time. The paths are those of the service's OpenAPI document and those {@code deploy/routes.yaml}
 * sends to it, so an endpoint added later is covered without touching its test. Each path is called
 * with every method, with and without its trailing slash, without a token, with a garbage token, an
 * expired token and a token for another audience, each with no body, a JSON body and a multipart body.
 * Only the paths named public are left out.
 */
public final class AuthenticationSweep {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final String SAMPLE_ID = "1";
    private static final int MAX_REPORTED = 40;

    private final String service;
    private final Set<String> publicPaths = new LinkedHashSet<>();

    private AuthenticationSweep(String service) {
        this.service = service;
    }

    /** @param service the service's name in {@code deploy/routes.yaml} */
    public static AuthenticationSweep of(String service) {
        return new AuthenticationSweep(service);
    }

    /** Paths that answer without a token (with or without their trailing slash). */
    public AuthenticationSweep publicPaths(String... paths) {
        for (String path : paths) {
            publicPaths.add(withoutTrailingSlash(path));
        }
        return this;
    }

    /** The paths that will be called: the OpenAPI operations' and the route table's, public ones left out. */
    public Set<String> protectedPaths() {
        Set<String> paths = new LinkedHashSet<>();
        openApiPaths().forEach(path -> paths.add(withoutTrailingSlash(path)));
        routePaths().forEach(path -> paths.add(withoutTrailingSlash(path)));
        paths.removeIf(path -> publicPaths.contains(path) || path.isEmpty());
        return paths;
    }

    /** Runs the sweep; fails listing every call that did not answer the 401 envelope. */
    public int run() {
        Set<String> paths = protectedPaths();
        if (paths.isEmpty()) {
            throw new AssertionError("No protected path found for " + service + ": nothing would be checked");
        }
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (String path : paths) {
            for (String variant : List.of(path, path + "/")) {
                for (String method : METHODS) {
                    for (Credential credential : Credential.values()) {
                        for (Body body : Body.values()) {
                            calls++;
                            String problem = problem(call(method, variant, credential, body));
                            if (problem != null) {
                                failures.add(method + " " + variant + " [" + credential.label + ", " + body.label + "] → "
                                        + problem);
                            }
                        }
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + calls + " calls without a valid token were not refused"
                    + " with the 401 envelope:\n  " + String.join("\n  ", failures.subList(0, Math.min(MAX_REPORTED,
                            failures.size()))));
        }
        return calls;
    }

    private static Response call(String method, String path, Credential credential, Body body) {
        RequestSpecification request = body.apply(credential.apply(given().urlEncodingEnabled(false)));
        return request.request(method, path);
    }

    /** What is wrong with an answer, or null if it is the expected 401 envelope. */
    private static String problem(Response response) {
        if (response.statusCode() != 401) {
            return response.statusCode() + " " + abbreviate(response.asString());
        }
        String challenge = response.header("WWW-Authenticate");
        if (challenge == null || !challenge.startsWith("Bearer")) {
            return "401 without WWW-Authenticate: Bearer";
        }
        try {
            JsonNode body = new ObjectMapper().readTree(response.asString());
            boolean envelope = "authentication_error".equals(body.path("error").path("code").asText())
                    && "Authentication Error".equals(body.path("error").path("message").asText())
                    && body.path("error").path("details").isArray() && body.path("error").path("details").isEmpty()
                    && !body.path("meta").path("request_id").asText().isEmpty();
            return envelope ? null : "401 outside the error envelope: " + abbreviate(response.asString());
        } catch (IOException e) {
            return "401 with a body that is not JSON: " + abbreviate(response.asString());
        }
    }

    private List<String> openApiPaths() {
        String document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        List<String> paths = new ArrayList<>();
        try {
            Iterator<String> names = new ObjectMapper().readTree(document).path("paths").fieldNames();
            names.forEachRemaining(template -> paths.add(template.replaceAll("\\{[^}/]+}", SAMPLE_ID)));
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI document is not JSON", e);
        }
        return paths;
    }

    /** Each route of the service: its prefix and a path below it, or a path its pattern matches. */
    private List<String> routePaths() {
        List<String> paths = new ArrayList<>();
        boolean found = false;
        for (JsonNode route : routeTable().path("routes")) {
            if (!service.equals(route.path("service").asText())) {
                continue;
            }
            found = true;
            if (route.hasNonNull("pattern")) {
                paths.add(sampleOf(route.get("pattern").asText()));
            } else {
                String prefix = withoutTrailingSlash(route.path("prefix").asText());
                if (publicPaths.contains(prefix)) {
                    continue;
                }
                paths.add(prefix);
                paths.add(prefix + "/" + SAMPLE_ID);
            }
        }
        if (!found) {
            throw new AssertionError("deploy/routes.yaml routes nothing to " + service);
        }
        return paths;
    }

    /** A path that a route's pattern matches, the way the route table writes its patterns. */
    static String sampleOf(String pattern) {
        String sample = pattern.replace("[^/]+", SAMPLE_ID)
                .replace("^", "").replace("$", "")
                .replace("(/.*)?", "")
                .replace("\\", "");
        if (!Pattern.compile(pattern).matcher(sample).matches()) {
            throw new AssertionError("Cannot make a sample path for the route pattern " + pattern
                    + ": teach AuthenticationSweep.sampleOf its syntax");
        }
        return sample;
    }

    private static JsonNode routeTable() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("deploy/routes.yaml");
            if (Files.isRegularFile(file)) {
                try {
                    return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + file, e);
                }
            }
        }
        throw new AssertionError("No deploy/routes.yaml above " + Paths.get("").toAbsolutePath());
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }

    private enum Credential implements UnaryOperator<RequestSpecification> {
        NONE("no token", null),
        GARBAGE("garbage token", "not.a.token"),
        EXPIRED("expired token", TestTokens.claims("operator", Set.of("operator", "partner"),
                Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1))
                .jws().keyId(TestTokens.KEY_ID).sign(TestTokens.testKey())),
        OTHER_AUDIENCE("token for another audience", TestTokens.claims("operator", Set.of("operator", "partner"),
                Instant.now(), Duration.ofHours(1))
                .audience("partnerb2b-refresh").jws().keyId(TestTokens.KEY_ID).sign(TestTokens.testKey()));

        final String label;
        private final String token;

        Credential(String label, String token) {
            this.label = label;
            this.token = token;
        }

        @Override
        public RequestSpecification apply(RequestSpecification request) {
            return token == null ? request : request.header("Authorization", "Bearer " + token);
        }
    }

    private enum Body implements UnaryOperator<RequestSpecification> {
        NONE("no body") {
            @Override
            public RequestSpecification apply(RequestSpecification request) {
                return request;
            }
        },
        JSON("JSON body") {
            @Override
            public RequestSpecification apply(RequestSpecification request) {
                return request.contentType("application/json")
                        .body(Map.of("apiKey", "x", "refresh", "x", "token", "x", "name", "x", "attributes", Map.of()));
            }
        },
        MULTIPART("multipart body") {
            @Override
            public RequestSpecification apply(RequestSpecification request) {
                return request.multiPart("attribute", "bank_statement")
                        .multiPart("file", "releve.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                                "application/pdf");
            }
        };

        final String label;

        Body(String label) {
            this.label = label;
        }
    }
}

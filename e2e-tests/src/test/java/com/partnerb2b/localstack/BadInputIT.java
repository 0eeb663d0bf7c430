package com.partnerb2b.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Bad input and abuse through the gateway: thousands of generated and mutated requests (wrong types,
 * missing and extra fields, huge and malformed bodies and multiparts, unknown and other partners' ids,
 * path tricks, odd methods and headers, bursts), each judged: no 5xx (a 503 only with Retry-After),
 * every error in the platform's envelope, no stack trace, and none of partner A's marker strings in
 * any answer to the other partners. Deterministic for a seed; prints the seed and a table of
 * requests by endpoint and status.
 * <p>
 * Short form by default; {@code -Dpartnerb2b.fuzz.requests=5000} for the long one,
 * {@code -Dpartnerb2b.fuzz.seed=…} to replay a run.
 */
@Order(2)
@ExtendWith(RunningStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {

    private static final long SEED = Long.getLong("partnerb2b.fuzz.seed", 20261125L);
    private static final int REQUESTS = Integer.getInteger("partnerb2b.fuzz.requests", 1200);
    /** Partners that send the generated requests: each has 100 requests a minute per service. */
    private static final int PROBERS = 20;
    /** The stack's default token-endpoint limit per client address ({@code partnerb2b.token-attempts.*}). */
    private static final int TOKEN_ATTEMPTS_PER_ADDRESS = 30;
    private static final Duration TOKEN_ATTEMPT_WINDOW = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static StackClient gateway;
    private static String baseUrl;
    private static String operator;
    private static HttpServer receiver;
    private static String receiverUrl;

    /** Partner A, the victim: its ids, its token, the strings no one else may ever see. */
    private static final Map<String, String> victim = new HashMap<>();
    private static String victimKey;
    private static String victimAccess;
    private static List<String> markers;

    private static final List<String> proberTokens = new ArrayList<>();
    private static final List<Map<String, String>> proberIds = new ArrayList<>();

    private static final Map<String, Map<Integer, Integer>> table = new ConcurrentHashMap<>();
    private static final List<String> failures = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void partners() throws Exception {
        RunningStack.Stack stack = RunningStack.stack();
        baseUrl = stack.baseUrl;
        gateway = new StackClient(baseUrl);
        operator = gateway.access(stack.operatorKey);

        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        receiverUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";

        String mark = "Qzv" + Long.toString(Math.abs(SEED * 31 + System.nanoTime()), 36);
        markers = List.of(mark + "Lastname", mark + "Ref", mark + "Hook");
        String[] a = newPartner("Fuzz victim A");
        victimKey = a[1];
        JsonNode victimTokens = gateway.tokens(victimKey);
        victimAccess = victimTokens.path("access").asText();
        victim.put("refresh", victimTokens.path("refresh").asText());
        victim.put("partner", a[0]);
        String profile = StackClient.completeProfile(markers.get(0), markers.get(1));
        String pk = StackClient.data(gateway.send("POST", "/api/v1/profiles/", victimAccess, profile), 201).path("pk").asText();
        victim.put("profile", pk);
        victim.put("document", StackClient.data(gateway.upload(Long.parseLong(pk), "bank_statement", victimAccess, 0, Map.of()), 201)
                .path("pk").asText());
        StackClient.data(gateway.send("POST", "/api/v1/profiles/" + pk + "/submit/", victimAccess, null), 200);
        victim.put("analysis", StackClient.data(gateway.send("POST", "/api/v1/profiles/" + pk + "/analyses/", victimAccess, null), 201)
                .path("pk").asText());
        JsonNode hook = StackClient.data(gateway.send("POST", "/api/v1/webhooks/configure/", victimAccess,
                "{\"url\":\"" + receiverUrl + "/" + markers.get(2) + "\"}"), 201);
        victim.put("webhook", hook.path("pk").asText());
        victim.put("secret", hook.path("secret").asText());
        JsonNode deliveries = StackClient.data(gateway.send("GET", "/api/v1/webhooks/" + victim.get("webhook") + "/deliveries/",
                victimAccess, null), 200);
        victim.put("delivery", deliveries.size() > 0 ? deliveries.get(0).path("id").asText(deliveries.get(0).path("pk").asText("1")) : "1");

        for (int i = 0; i < PROBERS + 1; i++) {
            String[] partner = newPartner("Fuzz prober " + i);
            String access = gateway.access(partner[1]);
            proberTokens.add(access);
            Map<String, String> own = new ConcurrentHashMap<>();
            own.put("partner", partner[0]);
            own.put("profile", StackClient.data(gateway.send("POST", "/api/v1/profiles/", access,
                    """
                    {"attributes": {"lastname": "Prober", "firstname": "Marie", "email": "marie@example.fr",
                     "phone_number": "0612345678", "birth_date": "1988-04-12", "delivery_address1": "1 rue de Paris",
                     "monthly_income": 2800, "monthly_charges": 900}, "externalReference": "P%d"}""".formatted(i)), 201).path("pk").asText());
            // Its own document and webhook (to the loopback receiver), so that calls on its own ids reach real rows.
            own.put("document", StackClient.data(gateway.upload(Long.parseLong(own.get("profile")), "bank_statement", access, 0, Map.of()), 201)
                    .path("pk").asText());
            own.put("webhook", StackClient.data(gateway.send("POST", "/api/v1/webhooks/configure/", access,
                    "{\"url\":\"" + receiverUrl + "/p" + i + "\"}"), 201).path("pk").asText());
            proberIds.add(own);
        }
        System.out.printf("[fuzz] seed=%d requests=%d probers=%d (replay: -Dpartnerb2b.fuzz.seed=%d -Dpartnerb2b.fuzz.requests=%d)%n",
                SEED, REQUESTS, PROBERS, SEED, REQUESTS);
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    @Order(1)
    void generated_and_mutated_requests_never_fail_the_server_and_never_leak_another_partners_data() throws Exception {
        FuzzRequests generator = new FuzzRequests(SEED, PROBERS, receiverUrl, StackClient.pdf());
        FuzzRequests.Ids ids = new FuzzRequests.Ids() {
            @Override
            public String own(int caller, String kind) {
                return proberIds.get(caller).getOrDefault(kind, "1");
            }

            @Override
            public String victim(String kind) {
                return victim.getOrDefault(kind, "1");
            }
        };
        long began = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            FuzzRequests.Request request = generator.next(i, ids);
            remember(request, send(request));
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        printTable("generated requests", seconds);

        // Partner A's things are all still there, untouched by everyone else's calls.
        JsonNode profile = StackClient.data(gateway.send("GET", "/api/v1/profiles/" + victim.get("profile") + "/", victimAccess, null), 200);
        assertTrue(profile.toString().contains(markers.get(0)), profile.toString());
        StackClient.data(gateway.send("GET", "/api/v1/documents/" + victim.get("document") + "/", victimAccess, null), 200);
        StackClient.data(gateway.send("GET", "/api/v1/analyses/" + victim.get("analysis") + "/", victimAccess, null), 200);
        JsonNode hook = StackClient.data(gateway.send("GET", "/api/v1/webhooks/" + victim.get("webhook") + "/", victimAccess, null), 200);
        assertTrue(hook.toString().contains(markers.get(2)), hook.toString());
        // Other partners sent A's refresh token to the revoke endpoint: it still refreshes.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            HttpResponse<String> refreshed = gateway.post("/api/v1/auth/token/refresh/", "{\"refresh\":\"" + victim.get("refresh") + "\"}", null);
            assertTrue(refreshed.statusCode() == 200 || refreshed.statusCode() == 429, refreshed.statusCode() + " " + refreshed.body());
            return refreshed.statusCode() == 200;
        });
        assertFailures();
    }

    /**
     * Last: it uses up one prober's window and this address's token attempts (LocalStackIT needs them back).
     * The services count in fixed windows, so a burst may straddle a window's end: each burst goes on
     * until enough refusals came back, and what was let through is checked window by window.
     */
    @Test
    @Order(2)
    void bursts_over_the_rate_limits_are_429_envelopes_with_retry_after() throws Exception {
        String burster = proberTokens.get(PROBERS);
        FuzzRequests.Operation list = new FuzzRequests.Operation("GET", "/api/v1/profiles/", FuzzRequests.Shape.NONE);
        Burst listings = burst(30, 400, i -> {
            FuzzRequests.Request request = new FuzzRequests.Request(i, list, "GET", "/api/v1/profiles/", Map.of(), null, PROBERS, null);
            return remember(request, send(request, burster));
        });
        assertTrue(listings.refused().size() >= 30, "listing: " + listings);
        Map<String, List<HttpResponse<String>>> byWindow = new HashMap<>();
        for (HttpResponse<String> answer : listings.answers()) {
            byWindow.computeIfAbsent(answer.headers().firstValue("X-RateLimit-Reset").orElse("none"), w -> new ArrayList<>()).add(answer);
        }
        byWindow.forEach((window, answers) -> {
            long admitted = answers.stream().filter(a -> a.statusCode() == 200).count();
            int limit = Integer.parseInt(answers.get(0).headers().firstValue("X-RateLimit-Limit").orElse("0"));
            assertTrue(limit > 0 && admitted <= limit, "listing window ending " + window + ": " + admitted + " admitted, limit " + limit);
        });

        FuzzRequests.Operation token = FuzzRequests.OPERATIONS.get(0);
        Burst tokens = burst(15, 200, i -> {
            FuzzRequests.Request request = new FuzzRequests.Request(i, token, "POST", token.template(),
                    Map.of("Content-Type", "application/json"),
                    ("{\"apiKey\":\"pb2b_live_0000000000000000_burst" + i + "\"}").getBytes(StandardCharsets.UTF_8), -1, null);
            return remember(request, send(request, null));
        });
        assertTrue(tokens.refused().size() >= 15, "token: " + tokens);
        long admitted = tokens.answers().size() - tokens.refused().size();
        long windows = tokens.windowsTouched(TOKEN_ATTEMPT_WINDOW);
        assertTrue(admitted <= TOKEN_ATTEMPTS_PER_ADDRESS * windows,
                "token: " + admitted + " attempts let through in " + windows + " window(s) of " + TOKEN_ATTEMPT_WINDOW);

        for (HttpResponse<String> answer : concat(listings.refused(), tokens.refused())) {
            assertEquals("rate_limited", StackClient.JSON.readTree(answer.body()).path("error").path("code").asText(), answer.body());
            assertTrue(Integer.parseInt(answer.headers().firstValue("Retry-After").orElse("0")) >= 1, answer.headers().map().toString());
        }
        printTable("bursts", 0);
        assertFailures();

        // The next classes need tokens from this address again: the window ends within seconds.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                gateway.post("/api/v1/auth/token/", "{\"apiKey\":\"" + victimKey + "\"}", null).statusCode() == 200);
    }

    /** Sends {@code next} from 4 threads until {@code refusals} answers were 429 or {@code cap} requests were sent. */
    private static Burst burst(int refusals, int cap, IntFunction<HttpResponse<String>> next) throws Exception {
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<HttpResponse<String>> answers = new CopyOnWriteArrayList<>();
        long start = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                senders.add(pool.submit(() -> {
                    int i;
                    while (refused.get() < refusals && (i = sent.getAndIncrement()) < cap) {
                        HttpResponse<String> answer = next.apply(i);
                        if (answer != null) {
                            answers.add(answer);
                            if (answer.statusCode() == 429) {
                                refused.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Burst(answers, start, System.currentTimeMillis());
    }

    private record Burst(List<HttpResponse<String>> answers, long startMillis, long endMillis) {

        List<HttpResponse<String>> refused() {
            return answers.stream().filter(a -> a.statusCode() == 429).toList();
        }

        /** Windows start at whole multiples of their length since the epoch, as the services count them (same clock). */
        long windowsTouched(Duration window) {
            return endMillis / window.toMillis() - startMillis / window.toMillis() + 1;
        }

        @Override
        public String toString() {
            return refused().size() + " refused of " + answers.size() + " answers in " + (endMillis - startMillis) + " ms";
        }
    }

    private static List<HttpResponse<String>> concat(List<HttpResponse<String>> a, List<HttpResponse<String>> b) {
        List<HttpResponse<String>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ------------------------------------------------------------------ sending and judging

    private static HttpResponse<String> send(FuzzRequests.Request request) {
        String token = request.caller() >= 0 ? proberTokens.get(request.caller()) : null;
        return send(request, token);
    }

    private static HttpResponse<String> send(FuzzRequests.Request request, String token) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path())).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException notAUri) {
            // A target java.net.URI refuses (a space, braces, a bad escape): sent as is, on a socket.
            try {
                return RawExchange.send(baseUrl, request, token);
            } catch (IllegalStateException e) {
                failures.add(describe(request) + " → " + e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause()));
                count(request.endpoint(), 0);
                return null;
            }
        }
        if (request.authorization() != null) {
            builder.header("Authorization", request.authorization());
        } else if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        request.headers().forEach(builder::header);
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // A connection closed after an answer to an oversized body is the server's right; anything else is not.
            failures.add(describe(request) + " → no answer: " + e);
            count(request.endpoint(), 0);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Judges and counts an answer (none: already counted as a failure by {@code send}); returns it. */
    private static HttpResponse<String> remember(FuzzRequests.Request request, HttpResponse<String> answer) {
        if (answer == null) {
            return null;
        }
        int status = answer.statusCode();
        count(request.endpoint(), status);
        String body = answer.body() == null ? "" : answer.body();
        if (status >= 500 && !(status == 503 && answer.headers().firstValue("Retry-After").isPresent())) {
            failures.add(describe(request) + " → " + status + " " + cut(body));
        }
        if (status >= 400 && !"HEAD".equals(request.method())) {
            String shape = envelopeProblem(body);
            if (shape != null) {
                failures.add(describe(request) + " → " + status + " not the error envelope (" + shape + "): " + cut(body));
            }
        }
        if (body.contains("\tat ") || body.contains("Exception") || body.contains("java.lang.") || body.contains("io.vertx.")) {
            failures.add(describe(request) + " → " + status + " internals in the answer: " + cut(body));
        }
        if (status < 300 && request.path().startsWith("/admin/") && !"OPTIONS".equals(request.method()) && !"HEAD".equals(request.method())) {
            failures.add(describe(request) + " → " + status + " an operator route served a partner or anonymous caller: " + cut(body));
        }
        for (String secret : leakables()) {
            if (body.contains(secret) && !request.sends(secret)) {
                failures.add(describe(request) + " → " + status + " LEAKS partner A's " + secret + ": " + cut(body));
            }
        }
        if (status == 201 && request.caller() >= 0 && "POST".equals(request.method())
                && request.operation().template().equals("/api/v1/profiles/") && request.path().equals("/api/v1/profiles/")) {
            try {
                proberIds.get(request.caller()).put("profile", StackClient.JSON.readTree(body).path("data").path("pk").asText());
            } catch (IOException ignored) {
                // judged above
            }
        }
        if (status == 201 && request.caller() >= 0 && request.operation().template().endsWith("/documents/")) {
            try {
                proberIds.get(request.caller()).put("document", StackClient.JSON.readTree(body).path("data").path("pk").asText());
            } catch (IOException ignored) {
                // judged above
            }
        }
        return answer;
    }

    private static List<String> leakables() {
        List<String> all = new ArrayList<>(markers);
        all.add(victim.get("secret"));
        return all;
    }

    /** Null when the body is {@code {"error":{"code","message","details":[…]},"meta":{"timestamp","request_id"}}}. */
    static String envelopeProblem(String body) {
        JsonNode root;
        try {
            root = StackClient.JSON.readTree(body);
        } catch (IOException e) {
            return "not JSON";
        }
        if (root == null || !root.isObject()) {
            return "not an object";
        }
        JsonNode error = root.path("error");
        if (!error.path("code").isTextual() || error.path("code").asText().isEmpty()) {
            return "no error.code";
        }
        if (!error.path("message").isTextual() || error.path("message").asText().isEmpty()) {
            return "no error.message";
        }
        if (!error.path("details").isArray()) {
            return "no error.details list";
        }
        JsonNode meta = root.path("meta");
        if (!meta.path("request_id").isTextual() || meta.path("request_id").asText().isEmpty()) {
            return "no meta.request_id";
        }
        if (!meta.path("timestamp").isTextual()) {
            return "no meta.timestamp";
        }
        if (root.has("data")) {
            return "data beside error";
        }
        return null;
    }

    private static void count(String endpoint, int status) {
        table.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>()).merge(status, 1, Integer::sum);
    }

    private static void printTable(String title, double seconds) {
        TreeSet<Integer> statuses = new TreeSet<>();
        table.values().forEach(row -> statuses.addAll(row.keySet()));
        StringBuilder out = new StringBuilder();
        int total = table.values().stream().flatMap(row -> row.values().stream()).mapToInt(Integer::intValue).sum();
        out.append(String.format("[fuzz] %s: seed=%d, %d requests so far%s (status 0: no answer)%n",
                title, SEED, total, seconds > 0 ? String.format(" , %.1f s", seconds) : ""));
        out.append(String.format("%-52s", "endpoint"));
        statuses.forEach(s -> out.append(String.format("%6d", s)));
        out.append(String.format("%7s%n", "total"));
        new TreeMap<>(table).forEach((endpoint, row) -> {
            out.append(String.format("%-52s", endpoint));
            statuses.forEach(s -> out.append(String.format("%6s", row.getOrDefault(s, 0) == 0 ? "." : row.get(s))));
            out.append(String.format("%7d%n", row.values().stream().mapToInt(Integer::intValue).sum()));
        });
        System.out.print(out);
    }

    private static void assertFailures() {
        if (!failures.isEmpty()) {
            StringBuilder all = new StringBuilder(failures.size() + " bad answers (seed " + SEED + "):\n");
            failures.stream().limit(40).forEach(f -> all.append("  ").append(f).append('\n'));
            throw new AssertionError(all.toString());
        }
    }

    private static String describe(FuzzRequests.Request request) {
        String body = request.body() == null ? "" : " body[" + request.body().length + "]=" + cut(new String(request.body(), StandardCharsets.UTF_8));
        return "#" + request.index() + " " + request.method() + " " + cut(request.path()) + " as "
                + (request.caller() >= 0 ? "prober " + request.caller() : "anonymous") + " " + cut(request.headers().toString()) + body;
    }

    private static String cut(String text) {
        return text.length() > 240 ? text.substring(0, 240) + "…(" + text.length() + ")" : text;
    }

    // ------------------------------------------------------------------ set-up

    /** A new active partner: its pk and an API key. */
    private static String[] newPartner(String name) throws Exception {
        StackClient.Partner partner = gateway.newPartner(operator, name);
        return new String[] { partner.pk(), partner.apiKey() };
    }
}

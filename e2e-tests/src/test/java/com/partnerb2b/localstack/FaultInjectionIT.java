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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Faults while a bounded stream of profiles is submitted, analysed and delivered by webhook: each
 * service killed with SIGKILL once (the launcher starts it again), the Kafka broker frozen, the
 * database frozen, the partner's receiver answering 500, then too slowly, then well. Afterwards:
 * every analysis asked for completed exactly once, every one reached the receiver under exactly one
 * webhook-id, no outbox row left, no delivery pending, every consumer alive. A short form runs in
 * {@code ./mvnw verify}; {@code chaos/run.sh} (120 profiles, 20 s pauses) is the long one.
 */
@Order(3)
@ExtendWith(RunningStack.class)
class FaultInjectionIT {

    private static final int PROFILES = Integer.getInteger("partnerb2b.chaos.profiles", 12);
    private static final int PAUSE_SECONDS = Integer.getInteger("partnerb2b.chaos.pause-seconds", 5);
    private static final Map<String, Integer> SERVICE_PORTS = Map.of("auth-service", 8081, "profile-service", 8082,
            "analysis-service", 8083, "webhook-service", 8084);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private enum ReceiverMode { FAIL, HANG, OK }

    private final RunningStack.Stack stack = RunningStack.stack();
    private final StackClient gateway = new StackClient(stack.baseUrl);
    private final List<String> faults = new ArrayList<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private volatile boolean databaseFrozen;

    @Test
    void nothing_is_lost_nor_doubled_when_services_kafka_the_database_and_the_receiver_fail() throws Exception {
        long began = System.nanoTime();
        String operator = gateway.access(stack.operatorKey);
        String apiKey = gateway.newPartnerKey(operator, "Chaos Partner");

        AtomicReference<ReceiverMode> mode = new AtomicReference<>(ReceiverMode.OK);
        Map<Long, Set<String>> webhookIdsByAnalysis = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            ReceiverMode now = mode.get();
            try {
                if (now == ReceiverMode.HANG) {
                    Thread.sleep(3_000); // longer than the stack's webhook request timeout (2 s)
                }
                if (now == ReceiverMode.FAIL) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                JsonNode event = StackClient.JSON.readTree(body);
                if ("analysis.completed".equals(event.path("type").asText())) {
                    webhookIdsByAnalysis.computeIfAbsent(event.path("data").path("pk").asLong(), k -> ConcurrentHashMap.newKeySet())
                            .add(exchange.getRequestHeaders().getFirst("webhook-id"));
                }
                exchange.sendResponseHeaders(204, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        receiver.start();
        try {
            String access = gateway.access(apiKey);
            StackClient.data(gateway.send("POST", "/api/v1/webhooks/configure/", access,
                    "{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks\"}"), 201);
            Map<Long, Long> analysisByProfile = new LinkedHashMap<>();

            // 1. The receiver fails; analysis-service and webhook-service are killed with work in flight.
            mode.set(ReceiverMode.FAIL);
            faults.add("receiver answers 500");
            submitAndAnalyse(access, PROFILES / 3, analysisByProfile);
            kill("analysis-service");
            kill("webhook-service");

            // 2. Kafka frozen while profiles are submitted (the outbox keeps their events).
            freeze("Kafka broker", kafkaBroker(), () -> submitAndAnalyse(gateway.access(apiKey), PROFILES / 3, analysisByProfile));

            // 3. profile-service and auth-service killed; the receiver now too slow, then well again.
            kill("profile-service");
            kill("auth-service");
            mode.set(ReceiverMode.HANG);
            faults.add("receiver answers after the timeout");
            submitAndAnalyse(gateway.access(apiKey), PROFILES - 2 * (PROFILES / 3), analysisByProfile);

            // 4. The database frozen: a request meanwhile waits for it or is a 503 (and only that).
            String late = gateway.access(apiKey);
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> during = new ArrayList<>();
            freeze("PostgreSQL", postgres(), () -> during.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return gateway.send("GET", "/api/v1/profiles/", late, null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })));
            databaseFrozen = true;
            record("GET /api/v1/profiles/ (database frozen)", during.get(0).get(60, TimeUnit.SECONDS));
            databaseFrozen = false;
            mode.set(ReceiverMode.OK);
            faults.add("receiver recovers");

            // Then: every analysis completed, once per request, and delivered under one webhook-id.
            String reader = gateway.access(apiKey);
            // Polled politely: every poll of every analysis counts against the partner's rate limit.
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                for (long pk : analysisByProfile.values()) {
                    if (!status(reader, pk).equals("completed")) {
                        return false;
                    }
                }
                return true;
            });
            for (Map.Entry<Long, Long> requested : analysisByProfile.entrySet()) {
                JsonNode list = StackClient.JSON.readTree(StackClient.politely(() -> gateway.send("GET",
                        "/api/v1/profiles/" + requested.getKey() + "/analyses/", reader, null)).body());
                assertEquals(1, list.path("meta").path("total").asInt(), "one analysis for the one request: " + list);
            }
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    analysisByProfile.values().stream().allMatch(webhookIdsByAnalysis::containsKey));
            List<String> doubled = webhookIdsByAnalysis.entrySet().stream().filter(e -> e.getValue().size() != 1)
                    .map(e -> e.getKey() + " → " + e.getValue()).toList();
            assertEquals(List.of(), doubled, "exactly one webhook-id per analysis");
            for (String service : List.of("profile-service", "analysis-service")) {
                Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> metric(service, "partnerb2b_outbox_pending_events").equals(Optional.of(0.0)));
            }
            String webhook = StackClient.data(gateway.send("GET", "/api/v1/webhooks/", reader, null), 200).get(0).path("pk").asText();
            Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    StackClient.JSON.readTree(StackClient.politely(() -> gateway.send("GET", "/api/v1/webhooks/" + webhook + "/deliveries/?status=pending",
                            reader, null)).body()).path("meta").path("total").asInt(-1) == 0);
            for (int port : SERVICE_PORTS.values()) {
                assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode(), "consumers and the service alive on " + port);
            }
            assertEquals(List.of(), unexpected, "no 5xx but a 503 while the database was frozen");

            long duplicates = webhookIdsByAnalysis.values().stream().filter(ids -> ids.size() > 1).count();
            long lost = analysisByProfile.values().stream().filter(pk -> !webhookIdsByAnalysis.containsKey(pk)).count();
            System.out.printf("%n[chaos] faults injected: %d (%s)%n", faults.size(), String.join("; ", faults));
            System.out.printf("[chaos] | profiles | analyses | delivered | duplicate webhook-ids | lost | seconds |%n");
            System.out.printf("[chaos] | %8d | %8d | %9d | %21d | %4d | %7.0f |%n", analysisByProfile.size(), analysisByProfile.size(),
                    webhookIdsByAnalysis.size(), duplicates, lost, (System.nanoTime() - began) / 1e9);
        } finally {
            receiver.stop(0);
        }
    }

    /** Creates, submits and asks an analysis of {@code count} profiles; retried where a fault may answer. */
    private void submitAndAnalyse(String access, int count, Map<Long, Long> analysisByProfile) throws Exception {
        for (int i = 0; i < count; i++) {
            String reference = "CHAOS-" + UUID.randomUUID();
            HttpResponse<String> created = StackClient.politely(() -> gateway.send("POST", "/api/v1/profiles/", access,
                    StackClient.completeProfile("Durand", reference)));
            record("POST /api/v1/profiles/", created);
            long pk = StackClient.data(created, 201).path("pk").asLong();
            HttpResponse<String> submitted = StackClient.politely(() -> gateway.send("POST", "/api/v1/profiles/" + pk + "/submit/", access, null));
            record("POST submit", submitted);
            StackClient.data(submitted, 200);
            HttpResponse<String> requested = StackClient.politely(() -> gateway.send("POST", "/api/v1/profiles/" + pk + "/analyses/", access, null,
                    Map.of("Idempotency-Key", reference)));
            record("POST analyses", requested);
            analysisByProfile.put(pk, StackClient.data(requested, 201).path("pk").asLong());
        }
    }

    private void record(String call, HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status >= 500 && !(status == 503 && databaseFrozen)) {
            unexpected.add(call + " → " + status + " " + answer.body());
        }
    }

    private String status(String access, long analysisPk) throws Exception {
        return StackClient.data(StackClient.politely(() -> gateway.send("GET", "/api/v1/analyses/" + analysisPk + "/", access, null)), 200)
                .path("status").asText();
    }

    /** SIGKILL to the service's JVM, then wait until the launcher has it running and ready again. */
    private void kill(String service) throws Exception {
        ProcessHandle jvm = serviceJvm(service).orElseThrow(() -> new AssertionError(service + " is not running"));
        jvm.destroyForcibly();
        jvm.onExit().get(30, TimeUnit.SECONDS);
        faults.add("kill -9 " + service);
        int port = SERVICE_PORTS.get(service);
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                serviceJvm(service).map(p -> p.pid() != jvm.pid()).orElse(false)
                        && HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private interface Work {
        void run() throws Exception;
    }

    /** SIGSTOP to the processes for the pause (work running meanwhile), then SIGCONT. */
    private void freeze(String what, List<ProcessHandle> processes, Work meanwhile) throws Exception {
        assertTrue(!processes.isEmpty(), what + " processes found");
        signal("STOP", processes);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(PAUSE_SECONDS);
        try {
            meanwhile.run();
            long left = until - System.nanoTime();
            if (left > 0) {
                // The fault's own length: the system must ride out a frozen dependency this long.
                TimeUnit.NANOSECONDS.sleep(left);
            }
        } finally {
            signal("CONT", processes);
        }
        faults.add(what + " frozen " + PAUSE_SECONDS + " s");
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(String.valueOf(p.pid())));
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor());
    }

    private Optional<ProcessHandle> serviceJvm(String service) {
        String jar = service + "/target/quarkus-app/quarkus-run.jar";
        String launcher = "=" + stack.process.pid() + " ";
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(line -> line.contains(jar) && line.contains(launcher)).orElse(false)).findFirst();
    }

    private List<ProcessHandle> kafkaBroker() {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(line -> line.contains("kafka.Kafka") && line.contains(stack.home.toString())).orElse(false)).toList();
    }

    /** The postmaster of the stack's database and every process it started. */
    private List<ProcessHandle> postgres() {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(line -> line.contains("postgres") && line.contains(stack.home.resolve("postgres-data").toString())).orElse(false))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants())).collect(Collectors.toList());
    }

    private static Optional<Double> metric(String service, String name) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVICE_PORTS.get(service) + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst();
    }

}

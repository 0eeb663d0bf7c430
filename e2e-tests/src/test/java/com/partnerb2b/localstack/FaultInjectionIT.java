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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Faults while a bounded stream of profiles is submitted, analysed and delivered by webhook: each
 * service killed with SIGKILL once (the launcher starts it again), the Kafka broker stopped and
 * started again, PostgreSQL stopped and started again (every request meanwhile a 503), the
 * partner's receiver answering 500, then too slowly, then well. Afterwards:
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

            // 2. The Kafka broker stopped while profiles are submitted (the outbox keeps their events), then started again.
            stopAndStart("Kafka broker", kafkaBroker(), "TERM", List.of(), stack.home.resolve("logs/kafka.log"), PAUSE_SECONDS,
                    () -> submitAndAnalyse(gateway.access(apiKey), PROFILES / 3, analysisByProfile),
                    () -> accepts(stack.kafkaPort));

            // 3. profile-service and auth-service killed; the receiver now too slow. webhook-service
            // frozen meanwhile, so that the analysis-completed events of this third wait in Kafka.
            kill("profile-service");
            kill("auth-service");
            mode.set(ReceiverMode.HANG);
            faults.add("receiver answers after the timeout");
            List<ProcessHandle> webhookService = List.of(serviceJvm("webhook-service").orElseThrow());
            signal("STOP", webhookService);
            try {
                String access3 = gateway.access(apiKey);
                Map<Long, Long> third = new LinkedHashMap<>();
                submitAndAnalyse(access3, PROFILES - 2 * (PROFILES / 3), third);
                analysisByProfile.putAll(third);
                Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        allCompleted(access3, third.values()) && metric("analysis-service", "partnerb2b_outbox_pending_events").equals(Optional.of(0.0)));

                // 4. PostgreSQL stopped: webhook-service, thawed, takes those events while the database is
                // away (and must keep them, not set them aside); every request meanwhile is a 503 — not a
                // 500, not a hang. Then PostgreSQL starts again.
                String late = gateway.access(apiKey);
                ProcessHandle postmaster = postmaster();
                List<String> asRoot = "root".equals(System.getProperty("user.name")) ? List.of("unshare", "-U") : List.of();
                // Longer than the ~13 s of retries after which a failing event is set aside, whatever the pause.
                stopAndStart("PostgreSQL", List.of(postmaster), "INT", asRoot, stack.home.resolve("logs/postgres.log"),
                        Math.max(PAUSE_SECONDS, 15), () -> {
                            signal("CONT", webhookService);
                            for (String path : List.of("/api/v1/profiles/", "/api/v1/analyses/" + third.values().iterator().next() + "/",
                                    "/api/v1/webhooks/")) {
                                HttpResponse<String> answer = gateway.send("GET", path, late, null);
                                assertEquals(503, answer.statusCode(), "GET " + path + " while the database is stopped: " + answer.body());
                                assertEquals("service_unavailable", StackClient.JSON.readTree(answer.body()).path("error").path("code").asText());
                                assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "Retry-After on " + path);
                            }
                            HttpResponse<String> token = gateway.send("POST", "/api/v1/auth/token/", null, "{\"apiKey\": \"" + apiKey + "\"}");
                            assertEquals(503, token.statusCode(), "a token while the database is stopped: " + token.body());
                        }, () -> gateway.send("POST", "/api/v1/auth/token/", null, "{\"apiKey\": \"" + apiKey + "\"}").statusCode() == 200);
            } finally {
                signal("CONT", webhookService); // already thawed unless a step above failed: never leave it stopped
            }
            mode.set(ReceiverMode.OK);
            faults.add("receiver recovers");

            // Then: every analysis completed, once per request, and delivered under one webhook-id.
            String reader = gateway.access(apiKey);
            // Polled politely: every poll of every analysis counts against the partner's rate limit.
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> allCompleted(reader, analysisByProfile.values()));
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
                // The first readiness probe since the database came back (long before now): no pool may
                // still hold a connection the restart killed and fail the probe with it.
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ready.statusCode(), "ready on " + port + ": " + ready.body());
            }
            assertEquals(List.of(), unexpected, "no 5xx");
            for (String consumer : List.of("profile-service", "analysis-service", "webhook-service")) {
                assertEquals(0.0, total(consumer, "partnerb2b_events_failed_total"), consumer + ": no event set aside");
            }

            long duplicates = webhookIdsByAnalysis.values().stream().filter(ids -> ids.size() > 1).count();
            long lost = analysisByProfile.values().stream().filter(pk -> !webhookIdsByAnalysis.containsKey(pk)).count();
            long waited = 0;
            for (String consumer : List.of("profile-service", "analysis-service", "webhook-service")) {
                try (Stream<String> lines = Files.lines(stack.home.resolve("logs/" + consumer + ".log"))) {
                    waited += lines.filter(line -> line.contains("waits for the database")).count();
                }
            }
            System.out.printf("%n[chaos] faults injected: %d (%s); handlings that waited for the database: %d%n", faults.size(),
                    String.join("; ", faults), waited);
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
        if (status >= 500) {
            unexpected.add(call + " → " + status + " " + answer.body());
        }
    }

    private boolean allCompleted(String access, java.util.Collection<Long> analyses) throws Exception {
        for (long pk : analyses) {
            String status = StackClient.data(StackClient.politely(() -> gateway.send("GET", "/api/v1/analyses/" + pk + "/", access, null)), 200)
                    .path("status").asText();
            if (!status.equals("completed")) {
                return false;
            }
        }
        return true;
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

    /**
     * Stops the process with the signal and waits until it has exited; runs the work while it is
     * away, for {@code seconds} at least; then starts the same command line again (output appended
     * to the log) and waits until {@code backAgain} holds.
     */
    private void stopAndStart(String what, List<ProcessHandle> found, String stopSignal, List<String> prefix, Path log, int seconds,
            Work meanwhile, Callable<Boolean> backAgain) throws Exception {
        assertEquals(1, found.size(), what + ": one process found");
        ProcessHandle process = found.get(0);
        List<String> command = new ArrayList<>(prefix);
        command.add(process.info().command().orElseThrow());
        command.addAll(List.of(process.info().arguments().orElseThrow()));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            signal(stopSignal, found);
            process.onExit().get(60, TimeUnit.SECONDS);
            meanwhile.run();
            long left = until - System.nanoTime();
            if (left > 0) {
                // The fault's own length: the system must ride out a dependency away this long.
                TimeUnit.NANOSECONDS.sleep(left);
            }
        } finally {
            if (process.isAlive()) {
                process.onExit().get(60, TimeUnit.SECONDS);
            }
            // A child of this JVM writing to a file: it outlives the test; the stack's stop ends it.
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        }
        Awaitility.await(what + " back").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(backAgain);
        faults.add(what + " stopped " + seconds + " s and started again");
    }

    private static boolean accepts(int port) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        }
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

    /** The postmaster of the stack's database (the process started with its data folder). */
    private ProcessHandle postmaster() {
        List<ProcessHandle> found = ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(line -> line.contains("postgres") && line.contains(stack.home.resolve("postgres-data").toString())).orElse(false))
                .toList();
        assertEquals(1, found.size(), "one postmaster");
        return found.get(0);
    }

    /** The sum of a counter over all its tags; 0 when it was never counted. */
    private static double total(String service, String name) throws Exception {
        return metricValues(service, name).mapToDouble(Double::doubleValue).sum();
    }

    private static Optional<Double> metric(String service, String name) throws Exception {
        return metricValues(service, name).findFirst();
    }

    private static Stream<Double> metricValues(String service, String name) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVICE_PORTS.get(service) + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)));
    }

}

package com.partnerb2b.localstack;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;

/**
 * The partner API under a fixed request rate, and the pipeline from submit to signed webhook, against a
 * running {@code ./partnerb2b start} (run by {@code bench/partner-api.sh}; not a test). Open loop: each
 * request has its time in a schedule and its latency counts from that time, so a slow system cannot
 * slow the load down and hide its own delay. Loopback only: the base URL and the webhook sink are local.
 */
final class PartnerApiBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();

    private final StackClient stack;
    private final String profileJson;
    private final StringBuilder report = new StringBuilder();

    private PartnerApiBench(String baseUrl) {
        if (!URI.create(baseUrl).getHost().matches("127\\.0\\.0\\.1|localhost")) {
            throw new IllegalArgumentException("benchmarks send traffic to loopback only, not to " + baseUrl);
        }
        this.stack = new StackClient(baseUrl);
        try {
            this.profileJson = StackClient.completeProfile("Bench", "BENCH");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Arguments: base URL, operator key, fixed rate (req/s), seconds per step, pipeline rates (comma-separated), report file. */
    public static void main(String[] args) throws Exception {
        PartnerApiBench bench = new PartnerApiBench(args[0]);
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        List<Integer> pipelineRates = new ArrayList<>();
        for (String r : args[4].split(",")) {
            pipelineRates.add(Integer.parseInt(r.trim()));
        }
        try {
            bench.run(args[1], rate, seconds, pipelineRates);
            Files.writeString(Path.of(args[5]), bench.report.toString());
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            System.exit(1); // the client's and the sink's threads would keep the JVM alive
        }
        System.exit(0);
    }

    private void run(String operatorKey, int rate, int seconds, List<Integer> pipelineRates) throws Exception {
        String operator = stack.access(operatorKey);
        String apiKey = stack.newPartnerKey(operator, "Bench " + UUID.randomUUID());
        Sink sink = Sink.start();
        try {
            String access = stack.access(apiKey);
            JsonNode endpoint = StackClient.data(stack.send("POST", "/api/v1/webhooks/configure/", access,
                    "{\"url\": \"http://127.0.0.1:" + sink.port() + "/hooks\"}"), 201);
            sink.secret = endpoint.path("secret").asText();
            try {
                // The pipeline first, on a quiet system; each later part waits for the webhooks of the one before.
                String parts = System.getenv().getOrDefault("BENCH_PARTS", "pipeline,closed,fixed");
                if (parts.contains("pipeline")) {
                    pipeline(apiKey, sink, pipelineRates, seconds);
                }
                if (parts.contains("closed")) {
                    sink.await(closedLoopSubmitAndAnalyse(apiKey, 16, 1000));
                }
                if (parts.contains("fixed")) {
                    fixedRate(apiKey, sink, endpoint.path("pk").asLong(), rate, seconds);
                }
            } finally {
                // No endpoint left behind to retry deliveries to a sink that is gone.
                stack.send("DELETE", "/api/v1/webhooks/" + endpoint.path("pk").asText() + "/", stack.access(apiKey), null);
            }
        } finally {
            sink.server.stop(0);
        }
    }

    // --- every partner endpoint at a fixed rate ------------------------------------------------

    private void fixedRate(String apiKey, Sink sink, long webhook, int rate, int seconds) throws Exception {
        String access = stack.access(apiKey);
        int count = rate * seconds;
        long profile = createProfiles(access, 1).get(0);
        String tokenBody = "{\"apiKey\":\"" + apiKey + "\"}";
        byte[] pdf = StackClient.pdf();
        Warm warm = warmUp(access, tokenBody, profile, sink, webhook, pdf, rate, count);
        line("### Every partner endpoint at %d requests/s (%d s, open loop, through the gateway)", rate, seconds);
        line("");
        line("| endpoint | requests | p50 ms | p99 ms | max ms | errors |");
        line("|---|---:|---:|---:|---:|---:|");
        row("POST /api/v1/auth/token/", schedule(rate, count, i -> request("POST", "/api/v1/auth/token/", null, tokenBody)), 200);
        row("GET /api/v1/metadata/", schedule(rate, count, i -> request("GET", "/api/v1/metadata/", access, null)), 200);
        row("GET /api/v1/profiles/{pk}/", schedule(rate, count, i -> request("GET", "/api/v1/profiles/" + profile + "/", access, null)), 200);
        row("GET /api/v1/profiles/?limit=20", schedule(rate, count, i -> request("GET", "/api/v1/profiles/?limit=20", access, null)), 200);
        row("GET /api/v1/analyses/{pk}/", schedule(rate, count, i -> request("GET", "/api/v1/analyses/" + warm.analysis() + "/", access, null)), 200);
        for (String path : warm.reads()) {
            row("GET " + path.replaceAll("/\\d+/", "/{pk}/"), schedule(rate, count, i -> request("GET", path, access, null)), 200);
        }
        row("POST /api/v1/profiles/", schedule(rate, count, i -> request("POST", "/api/v1/profiles/", access, profileJson)), 201);
        List<Long> fresh = createProfiles(access, count);
        row("PATCH /api/v1/profiles/{pk}/", schedule(rate, count,
                i -> request("PATCH", "/api/v1/profiles/" + fresh.get(i) + "/", access, change(i))), 200);
        row("POST /api/v1/profiles/{pk}/documents/ (a one-page PDF)", schedule(rate, count,
                i -> stack.upload(fresh.get(i), access, "bank_statement", "releve.pdf", pdf, Map.of())), 201);
        row("POST /api/v1/profiles/{pk}/submit/", schedule(rate, count,
                i -> request("POST", "/api/v1/profiles/" + fresh.get(i) + "/submit/", access, null)), 200);
        row("POST /api/v1/profiles/{pk}/analyses/", schedule(rate, count,
                i -> request("POST", "/api/v1/profiles/" + fresh.get(i) + "/analyses/", access, null)), 201);
        line("");
    }

    /** What the warm-up leaves to read: an analysis, and the paths of the other reads measured. */
    private record Warm(long analysis, List<String> reads) {
    }

    /**
     * Every endpoint of the pass, uncounted: the pipeline's (submit, analysis request) 200 times, their
     * webhooks awaited, then each read, the token, a change and an upload at the pass's rate and count. An
     * endpoint measured cold shows its JIT compilation as tail latency (the analysis read, never warmed
     * before, measured p99 86 ms). The pipeline's endpoints are not warmed at full count: 2,000 submits at
     * 200/s leave minutes of backlog that would load every later row.
     */
    private Warm warmUp(String access, String tokenBody, long profile, Sink sink, long webhook, byte[] pdf, int rate, int count)
            throws Exception {
        List<Long> fresh = createProfiles(access, 200);
        schedule(200, 200, i -> request("POST", "/api/v1/profiles/" + fresh.get(i) + "/submit/", access, null));
        schedule(200, 200, i -> request("POST", "/api/v1/profiles/" + fresh.get(i) + "/analyses/", access, null));
        sink.await(fresh);
        long analysis = StackClient.data(stack.send("GET", "/api/v1/profiles/" + fresh.get(0) + "/analyses/", access, null), 200)
                .get(0).path("pk").asLong();
        // Each upload replaces the profile's document: the one to read is the last.
        schedule(rate, count, i -> stack.upload(fresh.get(i % fresh.size()), access, "bank_statement", "releve.pdf", pdf, Map.of()));
        long document = StackClient.data(stack.send("GET", "/api/v1/profiles/" + fresh.get(0) + "/documents/", access, null), 200)
                .get(0).path("pk").asLong();
        List<String> reads = List.of("/api/v1/profiles/" + fresh.get(0) + "/analyses/", "/api/v1/profiles/" + fresh.get(0) + "/documents/",
                "/api/v1/documents/" + document + "/content/", "/api/v1/webhooks/" + webhook + "/deliveries/?limit=20");
        schedule(rate, count, i -> request("POST", "/api/v1/auth/token/", null, tokenBody));
        schedule(rate, count, i -> request("GET", "/api/v1/metadata/", access, null));
        schedule(rate, count, i -> request("GET", "/api/v1/profiles/" + profile + "/", access, null));
        schedule(rate, count, i -> request("GET", "/api/v1/profiles/?limit=20", access, null));
        schedule(rate, count, i -> request("GET", "/api/v1/analyses/" + analysis + "/", access, null));
        for (String path : reads) {
            schedule(rate, count, i -> request("GET", path, access, null));
        }
        schedule(rate, count, i -> request("PATCH", "/api/v1/profiles/" + fresh.get(i % fresh.size()) + "/", access, change(i)));
        return new Warm(analysis, reads);
    }

    /** A partner's typical change: two of the 23 values, the profile still complete. */
    private static String change(int i) {
        return "{\"attributes\": {\"children_number\": " + (i % 4) + ", \"monthly_charges\": " + (500 + i % 300) + "}}";
    }

    // --- submit -> signed webhook ---------------------------------------------------------------

    private void pipeline(String apiKey, Sink sink, List<Integer> rates, int seconds) throws Exception {
        line("### Pipeline: submit → analysis request → signed webhook received (%d s a step, open loop)", seconds);
        line("");
        line("| rate (profiles/s) | profiles | webhooks received | lost | duplicates | p50 ms | p99 ms | max ms | request errors |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        int best = 0;
        Optional<StackCpu> cpu = StackCpu.find();
        List<String> cpuRows = new ArrayList<>();
        // Uncounted steps at the lowest rate first, while the JIT compilers warm the whole path: until one costs
        // no more than 5 % less CPU per profile than the one before (or one step, without /proc), at most
        // PIPELINE_WARMUP_STEPS.
        int maxWarmUps = Integer.parseInt(System.getenv().getOrDefault("PIPELINE_WARMUP_STEPS", "5"));
        int warmUps = 0;
        double previousCost = Double.NaN;
        Deque<Integer> steps = new ArrayDeque<>();
        steps.add(-rates.get(0));
        steps.addAll(rates);
        while (!steps.isEmpty()) {
            int step = steps.poll();
            int rate = Math.abs(step);
            String access = stack.access(apiKey);
            int count = rate * (step < 0 ? 2 * seconds : seconds);
            List<Long> profiles = createProfiles(access, count);
            sink.duplicates.set(0);
            long[] scheduled = new long[count];
            AtomicInteger errors = new AtomicInteger();
            Map<String, Double> cpuBefore = cpu.map(StackCpu::reading).orElse(Map.of());
            long cpuFrom = System.nanoTime();
            long start = System.nanoTime() + 50_000_000L;
            for (int i = 0; i < count; i++) {
                scheduled[i] = start + i * 1_000_000_000L / rate;
                LockSupport.parkNanos(scheduled[i] - System.nanoTime());
                long pk = profiles.get(i);
                HTTP.sendAsync(request("POST", "/api/v1/profiles/" + pk + "/submit/", access, null), HttpResponse.BodyHandlers.discarding())
                        .thenCompose(submitted -> submitted.statusCode() != 200 ? CompletableFuture.completedFuture(submitted)
                                : HTTP.sendAsync(request("POST", "/api/v1/profiles/" + pk + "/analyses/", access, null),
                                        HttpResponse.BodyHandlers.discarding()))
                        .whenComplete((answer, failure) -> {
                            if (failure != null || answer.statusCode() >= 300) {
                                errors.incrementAndGet();
                            }
                        });
            }
            sink.await(profiles);
            long wallNanos = System.nanoTime() - cpuFrom;
            Map<String, Double> cpuAfter = cpu.map(StackCpu::reading).orElse(Map.of());
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Long at = sink.firstReceipt.get(profiles.get(i));
                if (at != null) {
                    latencies.add(at - scheduled[i]);
                }
            }
            Collections.sort(latencies);
            int received = latencies.size();
            double p99 = percentile(latencies, 0.99);
            if (step < 0) {
                warmUps++;
                double cost = cpuPerProfile(count, cpuBefore, cpuAfter);
                boolean steady = cpu.isEmpty() || cost >= 0.95 * previousCost;
                if (!steady && warmUps < maxWarmUps) {
                    steps.addFirst(step);
                }
                previousCost = cost;
                continue;
            }
            line("| %d | %d | %d | %d | %d | %.1f | %.1f | %.1f | %d |", rate, count, received, count - received, sink.duplicates.get(),
                    percentile(latencies, 0.50), p99, percentile(latencies, 1.0), errors.get());
            if (!cpuAfter.isEmpty()) {
                cpuRows.add(cpuRow(rate, count, cpuBefore, cpuAfter, wallNanos));
            }
            if (received == count && p99 <= 1000) {
                best = rate;
            } else {
                break;
            }
        }
        line("");
        line("Highest rate sustained with p99 ≤ 1 s and nothing lost: **%d profiles/s**. Webhooks whose signature did not verify: %d.",
                best, sink.badSignatures.get());
        line("");
        line("After %d uncounted warm-up step(s) of %d s at %d/s (until one cost no more than 5 %% less CPU per profile than the one before, "
                + "at most %d).", warmUps, 2 * seconds, rates.get(0), maxWarmUps);
        line("");
        if (!cpuRows.isEmpty()) {
            line("CPU of the stack per profile, ms, from `/proc`, from the first submit of a step to its last webhook (the bench's own");
            line("process not included); %s = the JIT compilers' threads in the JVMs (part of the total, a lower bound); busy = the total as a", StackCpu.JIT);
            line("share of the machine's %d cores over that time.", CORES);
            line("");
            line("| rate | %s | total | %s | busy |", String.join(" | ", StackCpu.PROCESSES), StackCpu.JIT);
            line("|---:|%s---:|---:|---:|", "---:|".repeat(StackCpu.PROCESSES.size()));
            cpuRows.forEach(row -> line("%s", row));
            line("");
        }
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** The stack's CPU per profile over a step, ms (NaN without {@code /proc} readings). */
    private static double cpuPerProfile(int profiles, Map<String, Double> before, Map<String, Double> after) {
        if (after.isEmpty()) {
            return Double.NaN;
        }
        double total = 0;
        for (String process : StackCpu.PROCESSES) {
            total += after.getOrDefault(process, 0.0) - before.getOrDefault(process, 0.0);
        }
        return total / profiles;
    }

    private static String cpuRow(int rate, int profiles, Map<String, Double> before, Map<String, Double> after, long wallNanos) {
        StringBuilder row = new StringBuilder("| " + rate + " |");
        for (String process : StackCpu.PROCESSES) {
            double used = after.getOrDefault(process, 0.0) - before.getOrDefault(process, 0.0);
            row.append(String.format(Locale.ROOT, " %.1f |", used / profiles));
        }
        double perProfile = cpuPerProfile(profiles, before, after);
        double busy = perProfile * profiles / (wallNanos / 1e6 * CORES);
        double jit = after.getOrDefault(StackCpu.JIT, 0.0) - before.getOrDefault(StackCpu.JIT, 0.0);
        return row.append(String.format(Locale.ROOT, " **%.1f** | %.1f | %.0f %% |", perProfile, jit / profiles, 100 * busy)).toString();
    }

    // --- submit + analysis request, as fast as 16 partners' workers go ----------------------------

    private List<Long> closedLoopSubmitAndAnalyse(String apiKey, int workers, int count) throws Exception {
        String access = stack.access(apiKey);
        List<Long> profiles = createProfiles(access, count);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long pk = profiles.get(i);
                    long begun = System.nanoTime();
                    try {
                        int submitted = HTTP.send(request("POST", "/api/v1/profiles/" + pk + "/submit/", access, null),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        int requested = HTTP.send(request("POST", "/api/v1/profiles/" + pk + "/analyses/", access, null),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (submitted != 200 || requested != 201) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - begun);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        line("### Submit + analysis request, %d concurrent workers, %d profiles (closed loop)", workers, count);
        line("");
        line("| pairs | pairs/s | p50 ms | p99 ms | max ms | errors |");
        line("|---:|---:|---:|---:|---:|---:|");
        line("| %d | %.0f | %.1f | %.1f | %.1f | %d |", count, count / seconds, percentile(sorted, 0.5), percentile(sorted, 0.99),
                percentile(sorted, 1.0), errors.get());
        line("");
        line("SUBMIT_AND_ANALYSE_PAIRS_PER_SECOND=%.0f", count / seconds);
        return profiles;
    }

    // --- helpers ------------------------------------------------------------------------------

    /** Complete profiles made beforehand (not measured), eight at a time. */
    private List<Long> createProfiles(String access, int count) throws Exception {
        List<CompletableFuture<Long>> made = new ArrayList<>();
        Semaphore inFlight = new Semaphore(8);
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            made.add(HTTP.sendAsync(request("POST", "/api/v1/profiles/", access, profileJson), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> inFlight.release())
                    .thenApply(answer -> {
                        try {
                            return StackClient.data(answer, 201).path("pk").asLong();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
        }
        List<Long> pks = new ArrayList<>();
        for (CompletableFuture<Long> pk : made) {
            pks.add(pk.get());
        }
        return pks;
    }

    private HttpRequest request(String method, String path, String bearer, String json) {
        return stack.request(method, path, bearer, json, Map.of());
    }

    private record Timings(List<Long> latencies, int errors, Map<Integer, Integer> statuses) {
    }

    /** Sends {@code count} requests at {@code rate} per second; latency from each one's scheduled time. */
    private Timings schedule(int rate, int count, Function<Integer, HttpRequest> requests) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        long start = System.nanoTime() + 20_000_000L;
        for (int i = 0; i < count; i++) {
            long at = start + i * 1_000_000_000L / rate;
            LockSupport.parkNanos(at - System.nanoTime());
            sent.add(HTTP.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
                latencies.add(System.nanoTime() - at);
                if (failure != null) {
                    errors.incrementAndGet();
                } else {
                    statuses.merge(answer.statusCode(), 1, Integer::sum);
                }
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(2, TimeUnit.MINUTES);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Timings(sorted, errors.get(), statuses);
    }

    private void row(String name, Timings timings, int expected) {
        int unexpected = timings.errors() + timings.statuses().entrySet().stream()
                .filter(e -> e.getKey() != expected).mapToInt(Map.Entry::getValue).sum();
        line("| `%s` | %d | %.1f | %.1f | %.1f | %d |", name, timings.latencies().size(), percentile(timings.latencies(), 0.5),
                percentile(timings.latencies(), 0.99), percentile(timings.latencies(), 1.0), unexpected);
        if (unexpected > 0) {
            line("| | statuses: %s | | | | |", timings.statuses());
        }
    }

    /** Nanoseconds in, milliseconds out; nearest-rank percentile of a sorted list. */
    private static double percentile(List<Long> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.max(0, (int) Math.ceil(fraction * sorted.size()) - 1);
        return sorted.get(index) / 1e6;
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }

    /** The partner's webhook receiver: verifies each signature, keeps the first receipt per profile. */
    private static final class Sink {
        final HttpServer server;
        final Map<Long, Long> firstReceipt = new ConcurrentHashMap<>();
        final Map<String, Boolean> webhookIds = new ConcurrentHashMap<>();
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger badSignatures = new AtomicInteger();
        volatile String secret;

        private Sink(HttpServer server) {
            this.server = server;
        }

        static Sink start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            Sink sink = new Sink(server);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/hooks", exchange -> {
                long at = System.nanoTime();
                try (InputStream in = exchange.getRequestBody()) {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    Map<String, List<String>> headers = new HashMap<>();
                    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
                    try {
                        if (sink.secret != null) { // the test event sent while the endpoint is configured comes before its secret
                            new Webhook(sink.secret).verify(body, headers);
                        }
                    } catch (Exception e) {
                        sink.badSignatures.incrementAndGet();
                        exchange.sendResponseHeaders(400, -1);
                        return;
                    }
                    JsonNode event = StackClient.JSON.readTree(body);
                    if ("analysis.completed".equals(event.path("type").asText())) {
                        String id = headers.get("webhook-id").get(0);
                        if (sink.webhookIds.putIfAbsent(id, Boolean.TRUE) != null) {
                            sink.duplicates.incrementAndGet();
                        }
                        sink.firstReceipt.putIfAbsent(event.path("data").path("profile").asLong(), at);
                    }
                    exchange.sendResponseHeaders(204, -1);
                } finally {
                    exchange.close();
                }
            });
            server.start();
            return sink;
        }

        int port() {
            return server.getAddress().getPort();
        }

        /** Until the webhook of every one of these profiles came, or a minute passed (the tables then show them lost). */
        void await(List<Long> profiles) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received(profiles) < profiles.size() && System.nanoTime() < deadline) {
                Thread.sleep(100); // polls the sink's own count
            }
        }

        int received(List<Long> profiles) {
            int n = 0;
            for (Long pk : profiles) {
                if (firstReceipt.containsKey(pk)) {
                    n++;
                }
            }
            return n;
        }
    }
}

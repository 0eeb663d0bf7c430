package com.partnerb2b.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole system started once for every test class of this module, exactly as the README says
 * ({@code ./partnerb2b start}: embedded PostgreSQL, a Kafka broker and the four services in their own
 * JVMs, the gateway), in a fresh local folder and on free ports; stopped with SIGTERM at the end.
 */
public final class RunningStack implements BeforeAllCallback {

    private static final Pattern READY = Pattern.compile("^READY base_url=(\\S+) operator_key=(\\S+) demo_api_key=(\\S+)$");

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Stack.class, key -> start(), Stack.class);
    }

    /** The running system; started by the extension before any test class that uses it. */
    public static Stack stack() {
        if (Stack.current == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(RunningStack.class)");
        }
        return Stack.current;
    }

    private static Stack start() {
        try {
            Path root = Path.of("..").toAbsolutePath().normalize();
            Path home = Files.createTempDirectory("partnerb2b-e2e");
            int kafkaPort = freePort();
            ProcessBuilder builder = new ProcessBuilder("./partnerb2b", "start").directory(root.toFile())
                    .redirectError(home.resolve("stderr.log").toFile());
            builder.environment().put("PARTNERB2B_HOME", home.toString());
            builder.environment().put("PARTNERB2B_PORT", String.valueOf(freePort()));
            builder.environment().put("PARTNERB2B_DB_PORT", String.valueOf(freePort()));
            builder.environment().put("PARTNERB2B_KAFKA_PORT", String.valueOf(kafkaPort));
            builder.environment().put("PARTNERB2B_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()));
            builder.environment().put("PARTNERB2B_SKIP_BUILD", "1");
            // No test of this module may make the system open a socket beyond this machine, whatever URL it registers.
            builder.environment().put("PARTNERB2B_WEBHOOKS_CONNECT", "loopback-only");
            // Retries, timeouts and leases in seconds rather than minutes, so that recovery from the
            // faults FaultInjectionIT injects is seen within the test.
            // (attempts every 5 s for 5 minutes: longer than the receiver's failures there last).
            builder.environment().put("PARTNERB2B_WEBHOOKS_SCHEDULE", "PT0S,PT1S,PT2S" + ",PT5S".repeat(60));
            builder.environment().put("PARTNERB2B_WEBHOOKS_REQUEST_TIMEOUT", "PT2S");
            builder.environment().put("PARTNERB2B_WEBHOOKS_LEASE", "PT10S");
            builder.environment().put("PARTNERB2B_ANALYSIS_WORK_LEASE", "PT10S");
            // Every span exported, quickly, to the tests' own collector (OTLP over HTTP, loopback).
            OtlpSink traces = new OtlpSink();
            builder.environment().put("PARTNERB2B_OTEL_ENDPOINT", traces.endpoint());
            builder.environment().put("PARTNERB2B_OTEL_PROTOCOL", "http/protobuf");
            builder.environment().put("PARTNERB2B_TRACE_SAMPLE_RATIO", "1");
            builder.environment().put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
            builder.environment().remove("PARTNERB2B_DB_HOST");
            builder.environment().remove("PARTNERB2B_KAFKA_BOOTSTRAP_SERVERS");
            long started = System.nanoTime();
            Process process = builder.start();
            CompletableFuture<Matcher> ready = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        Matcher m = READY.matcher(line);
                        if (m.matches()) {
                            return m;
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            });
            Matcher m = ready.get(180, TimeUnit.SECONDS);
            if (m == null) {
                process.destroy();
                throw new IllegalStateException("no READY line; stderr:\n" + Files.readString(home.resolve("stderr.log")));
            }
            System.out.printf("[e2e] the whole system was READY after %.1f s%n", (System.nanoTime() - started) / 1e9);
            Stack.current = new Stack(process, m.group(1), m.group(2), m.group(3), home, kafkaPort, traces);
            return Stack.current;
        } catch (Exception e) {
            throw new IllegalStateException("./partnerb2b start failed: " + e.getMessage(), e);
        }
    }

    /** The started system: its READY line's values, its local folder and its Kafka port. */
    public static final class Stack implements ExtensionContext.Store.CloseableResource {

        private static Stack current;

        public final Process process;
        public final String baseUrl;
        public final String operatorKey;
        public final String demoKey;
        public final Path home;
        public final int kafkaPort;
        /** What the services exported of their traces. */
        final OtlpSink traces;

        private Stack(Process process, String baseUrl, String operatorKey, String demoKey, Path home, int kafkaPort,
                OtlpSink traces) {
            this.traces = traces;
            this.process = process;
            this.baseUrl = baseUrl;
            this.operatorKey = operatorKey;
            this.demoKey = demoKey;
            this.home = home;
            this.kafkaPort = kafkaPort;
        }

        /** SIGTERM, as Ctrl-C: everything must stop in time. */
        @Override
        public void close() throws Exception {
            process.destroy();
            boolean stopped = process.waitFor(60, TimeUnit.SECONDS);
            traces.close();
            if (!stopped) {
                process.destroyForcibly();
                throw new AssertionError("the stack did not stop within 60 s of SIGTERM");
            }
        }
    }

    private static final Set<Integer> CHOSEN_PORTS = new HashSet<>();

    /**
     * A free port below the ephemeral range (Linux: from 32768): a port the kernel hands out for
     * outgoing connections could be taken by one of the stack's own clients between this choice and
     * the server's bind (seen once as "Address already in use" for the gateway). Never the same twice.
     */
    private static int freePort() throws IOException {
        Random random = new Random();
        for (int tries = 0; tries < 1000; tries++) {
            int port = 20000 + random.nextInt(12000);
            if (!CHOSEN_PORTS.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // in use: try another
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }
}

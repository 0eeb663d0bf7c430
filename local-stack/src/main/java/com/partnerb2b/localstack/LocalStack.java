package com.partnerb2b.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.vertx.core.Vertx;

/**
 * {@code ./partnerb2b start}: PostgreSQL (embedded unless configured), every built service in its
 * own JVM with its own database, the gateway on one port, a demo partner; then the READY line.
 * Everything stops on Ctrl-C or SIGTERM. Keys, data and logs are kept in one local folder.
 */
public final class LocalStack {

    /** Strong references: java.util.logging keeps loggers weakly, and would forget these levels. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("io.zonky"), Logger.getLogger("io.netty"),
            Logger.getLogger("org.apache.kafka"));

    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    public static void main(String[] args) throws Exception {
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        LocalStack stack = new LocalStack();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.start(root);
        } catch (Exception e) {
            System.err.println("Start failed: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void start(Path root) throws Exception {
        Path home = Path.of(Settings.env("PARTNERB2B_HOME", root.resolve(".partnerb2b").toString())).toAbsolutePath();
        Files.createDirectories(home);
        int gatewayPort = Integer.parseInt(Settings.env("PARTNERB2B_PORT", "8080"));
        String bindHost = Settings.env("PARTNERB2B_BIND", "127.0.0.1");
        RouteTable routes = RouteTable.load(root.resolve("deploy/routes.yaml"));
        // A port in use is the usual failed start (a stack already running): said plainly, before anything starts.
        requireFree(gatewayPort, "the gateway", "PARTNERB2B_PORT");
        for (Map.Entry<String, Integer> service : routes.servicePorts().entrySet()) {
            requireFree(service.getValue(), service.getKey(), null);
        }

        say("Local folder: " + home);
        LocalKeys.KeyFiles keys = LocalKeys.ensure(home.resolve("keys"));
        String operatorKey = secret(home.resolve("operator-key"), "PARTNERB2B_OPERATOR_API_KEY", "pb2b_op_", 32, true);

        String encryptionKeys = secret(home.resolve("encryption-keys"), "PARTNERB2B_ENCRYPTION_KEYS", "local1:", 32, false);

        LocalDatabase database = LocalDatabase.start(home);
        running.push(database);
        say("Database: " + database.description());
        String parentWatch = parentWatchAgent();
        LocalKafka kafka = LocalKafka.start(home, libDirectory(), parentWatch);
        running.push(kafka);
        say("Kafka: " + kafka.description());

        List<ServiceProcess> services = new ArrayList<>();
        for (Map.Entry<String, Integer> service : routes.servicePorts().entrySet()) {
            Path jar = root.resolve(service.getKey()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                continue;
            }
            String dbName = "partnerb2b_" + service.getKey().replace("-service", "").replace('-', '_');
            database.ensureDatabase(dbName);
            Map<String, String> env = new HashMap<>();
            env.put("PARTNERB2B_DB_JDBC_URL", database.jdbcUrl(dbName));
            env.put("PARTNERB2B_DB_REACTIVE_URL", database.reactiveUrl(dbName));
            env.put("PARTNERB2B_DB_USER", database.user());
            env.put("PARTNERB2B_DB_PASSWORD", database.password());
            env.put("PARTNERB2B_JWKS_LOCATION", keys.jwks().toString());
            env.put("PARTNERB2B_JWT_SIGNING_KEY", keys.signingKey().toString());
            env.put("PARTNERB2B_JWT_SIGNING_KEY_ID", keys.keyId());
            env.put("PARTNERB2B_OPERATOR_API_KEY", operatorKey);
            env.put("PARTNERB2B_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("PARTNERB2B_ENCRYPTION_KEYS", encryptionKeys);
            // Local mode: partners' receivers may be on this machine (plain http to loopback).
            env.put("PARTNERB2B_WEBHOOKS_ALLOW_LOOPBACK", "true");
            env.put("PARTNERB2B_PROFILE_SERVICE_URL", "http://127.0.0.1:" + routes.servicePorts().get("profile-service"));
            List<String> jvmOptions = new ArrayList<>(List.of(parentWatch));
            // A heap that starts small stays small under the serial collector: its old generation sat full
            // at 56 MB and was collected every few seconds under load, 150-280 ms each (bench/RESULTS.md).
            // C2 alone: with the tiers, four JVMs sharing two cores kept recompiling (4-9 ms of compiler CPU
            // per profile after minutes of load); without them, under 2 ms (bench/RESULTS.md, session 15).
            jvmOptions.addAll(Settings.options("PARTNERB2B_SERVICE_JVM_OPTS",
                    "-Xms192m -Xmx256m -Xmn96m -XX:+UseSerialGC -XX:-TieredCompilation"));
            ServiceProcess process = ServiceProcess.start(service.getKey(), jar, service.getValue(), env,
                    home.resolve("logs"), jvmOptions);
            running.push(process);
            services.add(process);
            say("Starting " + service.getKey() + " on 127.0.0.1:" + service.getValue() + " (log: " + process.log() + ")");
        }
        if (services.isEmpty()) {
            throw new IOException("No service is built: run ./mvnw -DskipTests install first");
        }
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofSeconds(120));
        }

        Vertx vertx = Vertx.vertx();
        running.push(() -> vertx.close().toCompletionStage().toCompletableFuture().get());
        GatewayOptions gatewayOptions = GatewayOptions.fromEnvironment();
        Gateway gateway = new Gateway(vertx, routes, "127.0.0.1", gatewayOptions);
        running.push(gateway);
        int port = gateway.start(bindHost, gatewayPort);
        say("Gateway: " + gatewayOptions.eventLoops() + " event loops, connect timeout " + gatewayOptions.connectTimeout().toMillis()
                + " ms, response timeout " + gatewayOptions.responseTimeout().toMillis() + " ms");
        String baseUrl = "http://" + ("0.0.0.0".equals(bindHost) ? "127.0.0.1" : bindHost) + ":" + port;

        String demoKey = new DemoPartner(baseUrl).ensure(home.resolve("demo-api-key"), operatorKey);

        System.out.println("READY base_url=" + baseUrl + " operator_key=" + operatorKey + " demo_api_key=" + demoKey);
        System.out.println();
        System.out.println("PartnerB2B is running behind " + baseUrl + " (" + String.join(", ",
                services.stream().map(ServiceProcess::name).toList()) + "). Try:");
        System.out.println("  curl -s -X POST " + baseUrl + "/api/v1/auth/token/ -H 'Content-Type: application/json' \\");
        System.out.println("       -d '{\"apiKey\": \"" + demoKey + "\"}'");
        System.out.println("Kafka: " + kafka.bootstrapServers() + "   Logs: " + home.resolve("logs") + "   Stop: Ctrl-C");
        System.out.flush();
    }

    private void stop() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e.getMessage());
            }
        }
    }

    /** A secret from the environment, or made once (random bytes, base64) and kept in the local folder. */
    private static String secret(Path file, String envName, String prefix, int bytes, boolean urlSafe) throws IOException {
        String configured = Settings.env(envName, null);
        if (configured != null) {
            return configured;
        }
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        String value = prefix + (urlSafe ? Base64.getUrlEncoder().withoutPadding().encodeToString(random)
                : Base64.getEncoder().encodeToString(random));
        LocalKeys.writePrivate(file, value + "\n");
        return value;
    }

    private static void requireFree(int port, String what, String setting) throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        } catch (IOException inUse) {
            throw new IOException("port " + port + " (" + what + ") is already in use — is PartnerB2B already running? "
                    + (setting == null ? "Stop what uses it." : "Stop what uses it or choose another port with " + setting + "."));
        }
    }

    /** The JVM option making a child exit when this launcher ends, however it ends (see ParentWatch). */
    private static String parentWatchAgent() throws IOException {
        Path agent = libDirectory().getParent().resolve("local-stack-parent-watch.jar");
        if (!Files.exists(agent)) {
            throw new IOException(agent + " is missing: run ./mvnw -DskipTests install");
        }
        return "-javaagent:" + agent + "=" + ProcessHandle.current().pid();
    }

    /** The folder of this launcher's jars (target/lib), which also holds the Kafka broker's. */
    private static Path libDirectory() throws IOException {
        try {
            Path jar = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().resolve("lib");
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static void say(String line) {
        System.err.println("[partnerb2b] " + line);
    }
}

package com.partnerb2b.localstack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The Kafka broker of the local stack: the one named by {@code PARTNERB2B_KAFKA_BOOTSTRAP_SERVERS},
 * otherwise a real single-node KRaft broker in its own JVM, from Maven Central's Kafka jars, whose
 * data is kept under the local folder.
 */
public final class LocalKafka implements AutoCloseable {

    public static final List<String> TOPICS = List.of("profile-submitted", "analysis-completed");

    private final String bootstrapServers;
    private final Process process;

    private LocalKafka(String bootstrapServers, Process process) {
        this.bootstrapServers = bootstrapServers;
        this.process = process;
    }

    /** {@code parentWatch}: the JVM option that ends the broker with the launcher (see ParentWatch). */
    public static LocalKafka start(Path home, Path classpathDir, String parentWatch) throws IOException, InterruptedException {
        String configured = Settings.env("PARTNERB2B_KAFKA_BOOTSTRAP_SERVERS", null);
        if (configured != null) {
            LocalKafka kafka = new LocalKafka(configured, null);
            kafka.awaitReadyAndCreateTopics(Duration.ofSeconds(30));
            return kafka;
        }
        int port = Integer.parseInt(Settings.env("PARTNERB2B_KAFKA_PORT", "19092"));
        int controllerPort = Integer.parseInt(Settings.env("PARTNERB2B_KAFKA_CONTROLLER_PORT", String.valueOf(port + 1)));
        Path data = home.resolve("kafka-data");
        Path config = home.resolve("kafka-server.properties");
        Files.createDirectories(data);
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("log.dirs", data.toString());
        properties.setProperty("num.partitions", "3");
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        properties.setProperty("auto.create.topics.enable", "true");
        try (var out = Files.newBufferedWriter(config)) {
            properties.store(out, "PartnerB2B local Kafka (KRaft, single node)");
        }

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = classpathDir.resolve("*").toString();
        Path log = home.resolve("logs").resolve("kafka.log");
        Files.createDirectories(log.getParent());
        if (!Files.exists(data.resolve("meta.properties"))) {
            Process format = new ProcessBuilder(java, "-cp", classpath, "kafka.tools.StorageTool", "format",
                    "-t", clusterId(), "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IOException("Kafka storage format failed; see " + log);
            }
        }
        List<String> command = new ArrayList<>(List.of(java, parentWatch));
        command.addAll(Settings.options("PARTNERB2B_KAFKA_JVM_OPTS", "-XX:+UseSerialGC -Xms32m -Xmx512m"));
        command.addAll(List.of("-cp", classpath, "kafka.Kafka", config.toString()));
        Process broker = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        LocalKafka kafka = new LocalKafka("127.0.0.1:" + port, broker);
        try {
            kafka.awaitReadyAndCreateTopics(Duration.ofSeconds(90));
        } catch (IOException e) {
            kafka.close();
            throw new IOException(e.getMessage() + "; see " + log, e);
        }
        return kafka;
    }

    private void awaitReadyAndCreateTopics(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
            while (true) {
                if (process != null && !process.isAlive()) {
                    throw new IOException("the Kafka broker stopped during start-up");
                }
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    break;
                } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("Kafka not ready at " + bootstrapServers + " after " + timeout.toSeconds() + " s");
                    }
                    Thread.sleep(300);
                }
            }
            for (String topic : TOPICS) {
                try {
                    // 7 days, as docs/asyncapi.yaml and the chart say.
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(Map.of("retention.ms", "604800000"))))
                            .all().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IOException("Cannot create topic " + topic, e.getCause());
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IOException("Cannot create topic " + topic + " (timeout)", e);
                }
            }
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String description() {
        return (process != null ? "local Kafka broker (KRaft)" : "Kafka") + " at " + bootstrapServers;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * A Kafka cluster id: 16 random bytes, base64url without padding — never starting with '-', which
     * the storage tool's command line would take for an option (one id in 64 did, failing the start).
     */
    private static String clusterId() {
        String id;
        do {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        } while (id.startsWith("-"));
        return id;
    }
}

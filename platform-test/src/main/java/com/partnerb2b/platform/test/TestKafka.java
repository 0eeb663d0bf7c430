package com.partnerb2b.platform.test;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker per test JVM, chosen in this order: the one named by
 * {@code PARTNERB2B_TEST_KAFKA_BOOTSTRAP_SERVERS}; a Testcontainers broker where a Docker engine
 * exists; otherwise an in-process KRaft broker from Maven Central's Kafka artifacts (same version as
 * the kafka-clients the Quarkus BOM pins).
 */
public final class TestKafka {

    private static String bootstrapServers;
    private static KafkaClusterTestKit cluster;
    private static KafkaContainer container;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers != null) {
            return bootstrapServers;
        }
        String configured = System.getenv("PARTNERB2B_TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (configured != null && !configured.isBlank()) {
            bootstrapServers = configured;
        } else if (DockerEngine.available()) {
            container = new KafkaContainer("apache/kafka:4.1.2");
            container.start();
            bootstrapServers = container.getBootstrapServers();
        } else {
            bootstrapServers = startInProcess();
        }
        // Stopped when the launcher session closes (TestServers); the hook is a fallback for other runners.
        TestServers.stopAtEnd(TestKafka::stop);
        Runtime.getRuntime().addShutdownHook(new Thread(TestKafka::stop, "test-kafka-stop"));
        return bootstrapServers;
    }

    private static String startInProcess() {
        // The broker must never end the test JVM (its fatal-fault paths call Exit): report instead.
        Exit.setExitProcedure((status, message) -> refuseExit("exit", status, message));
        Exit.setHaltProcedure((status, message) -> refuseExit("halt", status, message));
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return cluster.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the in-process Kafka broker", e);
        }
    }

    private static void refuseExit(String what, int status, String message) {
        System.err.printf("[test-servers] Kafka asked the test JVM to %s with status %d (%s): refused%n", what, status, message);
    }

    /** Stops the broker this JVM started, once; later calls do nothing. */
    static synchronized void stop() {
        KafkaClusterTestKit stoppingCluster = cluster;
        KafkaContainer stoppingContainer = container;
        cluster = null;
        container = null;
        try {
            if (stoppingCluster != null) {
                stoppingCluster.close();
            }
            if (stoppingContainer != null) {
                stoppingContainer.stop();
            }
        } catch (Exception e) {
            System.err.println("[test-servers] Kafka broker stopped with an error: " + e);
        }
    }
}

package com.partnerb2b.platform.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the service under test at the run's real Kafka broker (see {@link TestKafka}). */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String servers = TestKafka.bootstrapServers();
        return Map.of("kafka.bootstrap.servers", servers, "mp.messaging.connector.smallrye-kafka.bootstrap.servers", servers);
    }

    @Override
    public void stop() {
        // The broker is shared by the whole run and stopped when the JVM exits.
    }
}

package com.partnerb2b.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class KafkaChannelDefaultsTest {

    private static SmallRyeConfig configOf(Map<String, String> application) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(application, "application.properties", 250))
                .withSources(new KafkaChannelDefaults())
                .build();
    }

    @Test
    void everyIncomingKafkaChannelGetsTheSharedConsumerSettings() {
        SmallRyeConfig config = configOf(Map.of(
                "mp.messaging.incoming.profile-submitted.connector", "smallrye-kafka",
                "mp.messaging.incoming.profile-submitted.topic", "profile-submitted",
                "mp.messaging.incoming.analysis-completed.connector", "smallrye-kafka"));

        for (String channel : new String[] {"profile-submitted", "analysis-completed"}) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            assertEquals("fail", config.getRawValue(prefix + "failure-strategy"));
            assertEquals("false", config.getRawValue(prefix + "cloud-events"));
            assertEquals("false", config.getRawValue(prefix + "health-readiness-enabled"));
            assertEquals("600000", config.getRawValue(prefix + "throttled.unprocessed-record-max-age.ms"));
            assertEquals("org.apache.kafka.common.serialization.StringDeserializer", config.getRawValue(prefix + "value.deserializer"));
            assertEquals("earliest", config.getRawValue(prefix + "auto.offset.reset"));
        }
        assertEquals("profile-submitted", config.getRawValue("mp.messaging.incoming.profile-submitted.topic"));
    }

    @Test
    void theOutboxChannelIsConfiguredOnlyInAServiceWithAnOutbox() {
        SmallRyeConfig withOutbox = configOf(Map.of("partnerb2b.outbox.enabled", "true"));
        assertEquals("smallrye-kafka", withOutbox.getRawValue("mp.messaging.outgoing.outbox-events.connector"));
        assertEquals("all", withOutbox.getRawValue("mp.messaging.outgoing.outbox-events.acks"));
        assertEquals("true", withOutbox.getRawValue("mp.messaging.outgoing.outbox-events.enable.idempotence"));
        assertEquals("5", withOutbox.getValue("mp.messaging.outgoing.outbox-events.linger.ms", String.class));
        assertEquals("false", withOutbox.getRawValue("mp.messaging.outgoing.outbox-events.health-enabled"));

        for (SmallRyeConfig without : new SmallRyeConfig[] {
                configOf(Map.of("partnerb2b.outbox.enabled", "false")), configOf(Map.of())}) {
            for (String name : without.getPropertyNames()) {
                assertTrue(!name.startsWith("mp.messaging.outgoing."), name + " set in a service without an outbox");
            }
        }
    }

    @Test
    void channelsOfOtherConnectorsAreLeftAlone() {
        SmallRyeConfig config = configOf(Map.of("mp.messaging.incoming.ticks.connector", "smallrye-in-memory"));
        for (String name : config.getPropertyNames()) {
            assertTrue(!name.startsWith("mp.messaging.incoming.ticks.") || name.endsWith(".connector"), name);
        }
    }

    @Test
    void aServiceOverridesAnyDefault() {
        Map<String, String> application = new HashMap<>();
        application.put("partnerb2b.outbox.enabled", "true");
        application.put("mp.messaging.outgoing.outbox-events.linger.ms", "0");
        application.put("mp.messaging.incoming.analysis-completed.connector", "smallrye-kafka");
        application.put("mp.messaging.incoming.analysis-completed.auto.offset.reset", "latest");
        SmallRyeConfig config = configOf(application);

        assertEquals("0", config.getRawValue("mp.messaging.outgoing.outbox-events.linger.ms"));
        assertEquals("latest", config.getRawValue("mp.messaging.incoming.analysis-completed.auto.offset.reset"));
        assertEquals("all", config.getRawValue("mp.messaging.outgoing.outbox-events.acks"));
    }
}

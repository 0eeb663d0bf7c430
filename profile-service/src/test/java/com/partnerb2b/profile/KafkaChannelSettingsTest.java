package com.partnerb2b.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * The Kafka clients the service really runs carry the settings the platform states once for every
 * service (KafkaChannelDefaults), beside the topic and group this service names.
 */
@QuarkusTest
class KafkaChannelSettingsTest {

    @Inject
    KafkaClientService kafka;

    @Test
    void the_outbox_producer_waits_for_every_replica_and_never_writes_an_event_twice() {
        Map<String, ?> producer = kafka.getProducer("outbox-events").configuration();
        assertEquals("all", String.valueOf(producer.get("acks")));
        assertEquals("true", String.valueOf(producer.get("enable.idempotence")));
        assertEquals("5", String.valueOf(producer.get("linger.ms")));
        assertEquals("8000", String.valueOf(producer.get("delivery.timeout.ms")));
        assertEquals("org.apache.kafka.common.serialization.StringSerializer", String.valueOf(producer.get("value.serializer")));
    }

    @Test
    void the_consumer_reads_its_topic_from_the_start_as_text_in_its_own_group() {
        Map<String, ?> consumer = kafka.getConsumer("analysis-completed").configuration();
        assertEquals("earliest", String.valueOf(consumer.get("auto.offset.reset")));
        assertEquals("profile-service", String.valueOf(consumer.get("group.id")));
        assertEquals("org.apache.kafka.common.serialization.StringDeserializer", String.valueOf(consumer.get("value.deserializer")));
    }
}

package com.partnerb2b.platform.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;


/** Reads and writes the run's real Kafka topics, as another service would (shared by every module's tests). */
public final class TestTopics {

    private TestTopics() {
    }

    public static ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> wanted, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = fromTheStart(topic)) {
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (wanted.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + timeout);
    }

    /**
     * The record carrying the CloudEvent of this id: ids are unique across the run, unlike profile
     * keys, which restart with each test profile's fresh database.
     */
    public static ConsumerRecord<String, String> awaitEvent(String topic, String eventId, Duration timeout) {
        return await(topic, r -> r.value() != null && r.value().contains("\"id\":\"" + eventId + "\""), timeout);
    }

    /** A consumer of its own group, reading the topic from its first record. */
    private static KafkaConsumer<String, String> fromTheStart(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static KafkaProducer<String, String> producer;

    /** One producer for the run (per class loader): a new one per record would take longer than the sending. */
    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        }
        return producer;
    }

    /** Sends and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value) throws Exception {
        // As the outbox relay sends them: structured-mode CloudEvents, announced by their content type.
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        producer().send(record).get();
    }
}

package com.partnerb2b.profile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.TestTopics;
import com.partnerb2b.platform.outbox.OutboxRelay;
import com.partnerb2b.platform.outbox.OutboxTable;
import com.partnerb2b.platform.test.PostgresTestResource;
import com.partnerb2b.platform.test.TestKafka;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The outbox relay against the real PostgreSQL and Kafka. The fallback poll is an hour here, so an
 * event that arrives was published by a commit notification or by the test's own relay calls.
 */
@QuarkusTest
@TestProfile(OutboxRelayTest.NoFallbackPoll.class)
class OutboxRelayTest {

    static final int BATCH_SIZE = 50;

    public static class NoFallbackPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnerb2b.outbox.poll-interval", "1h",
                    "partnerb2b.outbox.reconnect-delay", "200ms",
                    "partnerb2b.outbox.batch-size", String.valueOf(BATCH_SIZE));
        }
    }

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxTable table;

    @Test
    void a_submitted_profile_is_published_right_after_its_transaction_commits() {
        ProfileApi partner = new ProfileApi();
        long pk = partner.createValid();
        partner.submit(pk).statusCode(200);

        TestTopics.await("profile-submitted", r -> String.valueOf(pk).equals(r.key()), Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> ProfileLifecycleTest.count(
                "SELECT count(*) FROM outbox_events WHERE message_key = ?::text AND published_at IS NOT NULL", pk) == 1);
    }

    @Test
    void a_lost_listening_connection_is_replaced_and_wakes_the_relay_again() throws Exception {
        int listener = await().atMost(Duration.ofSeconds(10)).until(OutboxRelayTest::listenerPid, pid -> pid > 0);
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement kill = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            kill.setInt(1, listener);
            kill.execute();
        }
        await().atMost(Duration.ofSeconds(20)).until(OutboxRelayTest::listenerPid, pid -> pid > 0 && pid != listener);

        ProfileApi partner = new ProfileApi();
        long pk = partner.createValid();
        partner.submit(pk).statusCode(200);
        TestTopics.await("profile-submitted", r -> String.valueOf(pk).equals(r.key()), Duration.ofSeconds(10));
    }

    @Test
    void a_batch_is_sent_then_marked_published_together() throws Exception {
        String topic = newTopic();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keys.add("batch-" + i);
            insertPending(topic, "batch-" + i, "{\"n\":0}");
        }

        OutboxRelay.Batch batch = relay.publishPending().await().atMost(Duration.ofSeconds(30));

        assertEquals(new OutboxRelay.Batch(30, 30), batch);
        assertEquals(List.of(30L, 1L), query("SELECT count(*), count(DISTINCT published_at) FROM outbox_events WHERE topic = ?", topic));
        assertEquals(keys.stream().sorted().toList(), read(topic, 30).stream().map(ConsumerRecord::key).sorted().toList());
    }

    @Test
    void a_failed_send_leaves_its_event_and_the_later_ones_of_its_key_pending() throws Exception {
        String topic = newTopic();
        insertPending(topic, "fail-a", "{\"n\":0}");
        UUID refused = insertPending("not a valid topic!", "fail-b", "{\"n\":0}");
        UUID behindRefused = insertPending(topic, "fail-b", "{\"n\":1}");
        insertPending(topic, "fail-c", "{\"n\":0}");
        try {
            OutboxRelay.Batch batch = relay.publishPending().await().atMost(Duration.ofSeconds(30));

            assertEquals(new OutboxRelay.Batch(4, 2), batch);
            assertEquals(List.of(0L), query("SELECT count(*) FROM outbox_events WHERE message_key = 'fail-b' AND published_at IS NOT NULL", null));
            assertEquals(List.of(2L), query("SELECT count(*) FROM outbox_events WHERE topic = ? AND published_at IS NOT NULL", topic));
            assertEquals(List.of("fail-a", "fail-c"), read(topic, 2).stream().map(ConsumerRecord::key).sorted().toList());
        } finally {
            execute("DELETE FROM outbox_events WHERE id IN ('" + refused + "', '" + behindRefused + "')");
        }
    }

    @Test
    void a_key_held_by_another_relay_is_left_to_it_entirely() throws Exception {
        String topic = newTopic();
        UUID first = insertPending(topic, "held", "{\"n\":0}");
        insertPending(topic, "held", "{\"n\":1}");
        insertPending(topic, "free", "{\"n\":0}");

        try (Connection otherReplica = PostgresTestResource.database().connect()) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement lock = otherReplica.prepareStatement("SELECT id FROM outbox_events WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, first);
                lock.executeQuery().close();
            }
            assertEquals(new OutboxRelay.Batch(1, 1), relay.publishPending().await().atMost(Duration.ofSeconds(30)));
            assertEquals(List.of(2L), query("SELECT count(*) FROM outbox_events WHERE topic = ? AND message_key = 'held' AND published_at IS NULL", topic));
            otherReplica.rollback();
        }

        assertEquals(new OutboxRelay.Batch(2, 2), relay.publishPending().await().atMost(Duration.ofSeconds(30)));
        List<String> held = read(topic, 3).stream().filter(r -> "held".equals(r.key())).map(ConsumerRecord::value).toList();
        assertEquals(List.of("{\"n\":0}", "{\"n\":1}"), held);
    }

    @Test
    void concurrent_relays_keep_each_keys_order() throws Exception {
        String topic = newTopic();
        int keys = 8;
        int perKey = 25;
        for (int n = 0; n < perKey; n++) {
            for (int k = 0; k < keys; k++) {
                insertPending(topic, "order-" + k, "{\"n\":" + n + "}");
            }
        }

        ExecutorService replicas = Executors.newFixedThreadPool(3);
        try {
            Callable<Integer> drain = () -> {
                int published = 0;
                while (query("SELECT count(*) FROM outbox_events WHERE topic = ? AND published_at IS NULL", topic).get(0) > 0) {
                    published += relay.publishPending().await().atMost(Duration.ofSeconds(30)).published();
                }
                return published;
            };
            List<Future<Integer>> runs = replicas.invokeAll(List.of(drain, drain, drain));
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            replicas.shutdownNow();
        }

        Map<String, List<String>> byKey = new LinkedHashMap<>();
        read(topic, keys * perKey).forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value()));
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < perKey; n++) {
            expected.add("{\"n\":" + n + "}");
        }
        assertEquals(keys, byKey.size());
        byKey.forEach((key, values) -> assertEquals(expected, values, "order of " + key));
    }

    @Test
    void published_rows_older_than_the_purge_age_are_deleted_and_pending_ones_kept() throws Exception {
        String topic = newTopic();
        UUID old = insertPending(topic, "purge-old", "{}");
        UUID recent = insertPending(topic, "purge-recent", "{}");
        UUID pending = insertPending(topic, "purge-pending", "{}");
        execute("UPDATE outbox_events SET published_at = now() - interval '8 days', created_at = now() - interval '8 days' WHERE id = '" + old + "'");
        execute("UPDATE outbox_events SET published_at = now() - interval '1 day' WHERE id = '" + recent + "'");
        execute("UPDATE outbox_events SET created_at = now() - interval '30 days' WHERE id = '" + pending + "'");

        table.purgePublishedOlderThan(Duration.ofDays(7)).await().atMost(Duration.ofSeconds(30));

        assertEquals(List.of(0L), query("SELECT count(*) FROM outbox_events WHERE id = '" + old + "'", null));
        assertEquals(List.of(2L), query("SELECT count(*) FROM outbox_events WHERE topic = ?", topic));
        execute("DELETE FROM outbox_events WHERE id = '" + pending + "'");
    }

    private static String newTopic() {
        return "outbox-test-" + UUID.randomUUID();
    }

    /** Written as another transaction would, without waking the relay. */
    private static UUID insertPending(String topic, String key, String payload) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox_events (id, topic, message_key, payload, created_at) VALUES (?, ?, ?, ?, now())")) {
            insert.setObject(1, id);
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, payload);
            insert.executeUpdate();
        }
        return id;
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    /** The first row's columns, as longs. */
    private static List<Long> query(String sql, String parameter) throws Exception {
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                List<Long> values = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    values.add(rs.getLong(i));
                }
                return values;
            }
        }
    }

    private static int listenerPid() throws Exception {
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT coalesce(max(pid), 0) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'")) {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The topic's first {@code count} records, in offset order (one partition). */
    private static List<ConsumerRecord<String, String>> read(String topic, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
        }
        return records;
    }
}

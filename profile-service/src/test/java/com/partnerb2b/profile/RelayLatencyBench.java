package com.partnerb2b.profile;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.test.PostgresTestResource;
import com.partnerb2b.platform.test.TestKafka;
import com.partnerb2b.platform.test.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Not a test (its name keeps it out of the build): the figures {@code bench/relay-latency.sh}
 * prints. Against the real PostgreSQL and Kafka of the test run:
 * <ol>
 * <li>latency: profiles submitted through the API at a fixed rate (open loop), each timed from the
 * submit's answer (its transaction has committed) to the moment a consumer reads its event;</li>
 * <li>throughput: a backlog of outbox rows committed at once, timed until the last one is read.</li>
 * </ol>
 * System properties: {@code bench.profiles} (500), {@code bench.rate} (50 per second),
 * {@code bench.backlog} (3000), {@code bench.poll-interval} (the relay's fallback poll, unset: the
 * production default), {@code bench.out} (the table's file).
 */
@QuarkusTest
@TestProfile(RelayLatencyBench.BenchProfile.class)
class RelayLatencyBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "profile-submitted";

    public static class BenchProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String poll = System.getProperty("bench.poll-interval", "");
            return poll.isBlank() ? Map.of() : Map.of("partnerb2b.outbox.poll-interval", poll);
        }
    }

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void measure() throws Exception {
        int profiles = Integer.getInteger("bench.profiles", 500);
        int rate = Integer.getInteger("bench.rate", 50);
        int backlog = Integer.getInteger("bench.backlog", 3000);

        List<String> lines = new ArrayList<>();
        lines.add(String.format("relay-latency: %d profiles submitted at %d/s, then a backlog of %d events; fallback poll %s",
                profiles, rate, backlog, System.getProperty("bench.poll-interval", "default")));
        lines.add(String.format("%-34s %8s %8s %8s %8s", "metric (ms)", "p50", "p90", "p99", "max"));
        latency(profiles, rate, lines);
        throughput(backlog, lines);
        lines.forEach(System.out::println);
        Files.write(Path.of(System.getProperty("bench.out", "target/relay-latency.txt")), lines);
    }

    private void latency(int profiles, int rate, List<String> lines) throws Exception {
        String token = TestTokens.partner(UUID.randomUUID());
        List<Long> pks = new ArrayList<>();
        for (int i = 0; i < profiles + 20; i++) {
            pks.add(create(token));
        }
        Map<String, Long> received = new ConcurrentHashMap<>();
        try (TopicReader reader = new TopicReader(TOPIC, received)) {
            // warm-up: 20 submits, not counted
            for (long pk : pks.subList(0, 20)) {
                submit(token, pk);
            }
            awaitKeys(received, pks.subList(0, 20), Duration.ofSeconds(30));

            List<Long> measured = pks.subList(20, pks.size());
            long[] sent = new long[measured.size()];
            long[] answered = new long[measured.size()];
            CountDownLatch done = new CountDownLatch(measured.size());
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            ExecutorService callers = Executors.newFixedThreadPool(16);
            long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
            int[] next = { 0 };
            ticker.scheduleAtFixedRate(() -> {
                int i = next[0]++;
                if (i >= measured.size()) {
                    return;
                }
                callers.execute(() -> {
                    sent[i] = System.nanoTime();
                    try {
                        submit(token, measured.get(i));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        answered[i] = System.nanoTime();
                        done.countDown();
                    }
                });
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
            done.await(profiles / rate + 60L, TimeUnit.SECONDS);
            ticker.shutdownNow();
            callers.shutdown();
            awaitKeys(received, measured, Duration.ofSeconds(60));

            long[] commitToConsumer = new long[measured.size()];
            long[] submitToConsumer = new long[measured.size()];
            long[] submitAnswer = new long[measured.size()];
            for (int i = 0; i < measured.size(); i++) {
                long got = received.get(String.valueOf(measured.get(i)));
                commitToConsumer[i] = got - answered[i];
                submitToConsumer[i] = got - sent[i];
                submitAnswer[i] = answered[i] - sent[i];
            }
            lines.add(row("commit -> consumer", commitToConsumer));
            lines.add(row("submit request -> consumer", submitToConsumer));
            lines.add(row("submit request -> answer", submitAnswer));
        }
    }

    private void throughput(int backlog, List<String> lines) throws Exception {
        String topic = "bench-backlog-" + UUID.randomUUID();
        Map<String, Long> received = new ConcurrentHashMap<>();
        try (TopicReader reader = new TopicReader(topic, received);
                Connection connection = PostgresTestResource.database().connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO outbox_events (id, topic, message_key, payload, created_at) VALUES (?, ?, ?, ?, now())")) {
                for (int i = 0; i < backlog; i++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, topic);
                    insert.setString(3, "k" + i);
                    insert.setString(4, "{\"n\":" + i + "}");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (Statement notify = connection.createStatement()) {
                notify.execute("SELECT pg_notify('partnerb2b_outbox', '')");
            }
            connection.commit();
            long committed = System.nanoTime();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < backlog; i++) {
                keys.add("k" + i);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (received.size() < backlog && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long last = received.values().stream().mapToLong(Long::longValue).max().orElse(committed);
            double seconds = (last - committed) / 1e9;
            lines.add(String.format("throughput: %d of %d backlog events read in %.2f s = %.0f events/s",
                    received.size(), backlog, seconds, received.size() / seconds));
        }
    }

    private static String row(String name, long[] nanos) {
        long[] ms = Arrays.stream(nanos).map(n -> TimeUnit.NANOSECONDS.toMicros(n)).sorted().toArray();
        return String.format("%-34s %8.1f %8.1f %8.1f %8.1f", name, pct(ms, 50), pct(ms, 90), pct(ms, 99),
                ms[ms.length - 1] / 1000.0);
    }

    private static double pct(long[] sortedMicros, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, index)] / 1000.0;
    }

    private static void awaitKeys(Map<String, Long> received, List<Long> pks, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (pks.stream().allMatch(pk -> received.containsKey(String.valueOf(pk)))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("events missing after " + timeout);
    }

    private long create(String token) throws Exception {
        String body = JSON.writeValueAsString(Map.of("attributes", ProfileApi.validAttributes()));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.toURI().resolve("/api/v1/profiles/"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("create answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("data").path("pk").asLong();
    }

    private void submit(String token, long pk) throws Exception {
        URI uri = base.toURI().resolve("/api/v1/profiles/" + pk + "/submit/");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("submit answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Reads a topic from its end on its own thread, noting when each key first arrives. */
    private static final class TopicReader implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        TopicReader(String topic, Map<String, Long> received) throws InterruptedException {
            CountDownLatch assigned = new CountDownLatch(1);
            thread = new Thread(() -> {
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
                    consumer.subscribe(List.of(topic));
                    while (running.get()) {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                            received.putIfAbsent(record.key(), System.nanoTime());
                        }
                        if (!consumer.assignment().isEmpty()) {
                            assigned.countDown();
                        }
                    }
                }
            }, "bench-reader-" + topic);
            thread.setDaemon(true);
            thread.start();
            assigned.await(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5000);
        }
    }
}

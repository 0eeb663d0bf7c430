package com.partnerb2b.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.TestRows;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Webhook delivery figures (run by bench/webhook-delivery.sh, not by the build): analysis-completed
 * events for many partners published to the real Kafka, delivered to one receiver on loopback;
 * deliveries per second, and the delay from publication to receipt (p50, p99). The ceiling is the
 * same receiver driven directly by an HTTP client with the same concurrency, in the same run.
 */
@QuarkusTest
class DeliveryBench {

    private static final int PARTNERS = Integer.getInteger("bench.partners", 40);
    private static final int EVENTS = Integer.getInteger("bench.events", 2000);

    @Test
    void deliveries_per_second_and_delay() throws Exception {
        Map<String, Long> published = new ConcurrentHashMap<>();
        List<Long> delays = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger received = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/hooks", exchange -> {
            long now = System.nanoTime();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            exchange.getRequestBody().readAllBytes();
            Long sent = id == null ? null : published.get(id);
            if (sent != null) {
                delays.add(now - sent);
                received.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        String url = "http://bench.test:" + server.getAddress().getPort() + "/hooks";
        try {
            List<WebhookPartner> partners = new ArrayList<>();
            for (int i = 0; i < PARTNERS; i++) {
                WebhookPartner partner = new WebhookPartner(com.partnerb2b.webhook.delivery.LoopbackReceiver.status(204, ""));
                partner.close(); // its own receiver is not used: every partner's endpoint is the bench receiver
                partner.request().contentType(ContentType.JSON).body(Map.of("url", url))
                        .post("/api/v1/webhooks/configure/").then().statusCode(201);
                partners.add(partner);
            }
            // Warm-up: the topic exists, the consumer is assigned, connections are open.
            String warmUp = java.util.UUID.randomUUID().toString();
            published.put("msg_" + warmUp, System.nanoTime());
            partners.get(0).publishAnalysis(warmUp);
            Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> received.get() >= 1);
            received.set(0);
            delays.clear();
            List<String[]> events = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                String eventId = java.util.UUID.randomUUID().toString();
                String[] event = partners.get(i % PARTNERS).analysisEvent(eventId);
                events.add(new String[] { "msg_" + eventId, event[0], event[1] });
            }
            long start = System.nanoTime();
            try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer = new org.apache.kafka.clients.producer.KafkaProducer<>(Map.of(
                    "bootstrap.servers", com.partnerb2b.platform.test.TestKafka.bootstrapServers(),
                    "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName(),
                    "value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName()))) {
                for (String[] event : events) {
                    var record = new org.apache.kafka.clients.producer.ProducerRecord<>("analysis-completed", event[1], event[2]);
                    record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                    published.put(event[0], System.nanoTime());
                    producer.send(record);
                }
                producer.flush();
            }
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> received.get() >= EVENTS);
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = EVENTS / seconds;

            double ceiling = ceiling(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks"), PARTNERS, EVENTS);
            List<Long> sorted = new ArrayList<>(delays);
            Collections.sort(sorted);
            String report = String.format(
                    "webhook deliveries: %d events for %d partners delivered in %.1f s: %.0f deliveries/s%n"
                            + "ceiling (same receiver, plain HTTP client, %d concurrent, same run): %.0f requests/s; deliveries at %.1f %% of it%n"
                            + "delay from publication on analysis-completed to receipt: p50 %d ms, p99 %d ms, max %d ms%n",
                    EVENTS, PARTNERS, seconds, rate, PARTNERS, ceiling, 100 * rate / ceiling,
                    percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1_000_000);
            // Which stage sets the pace: the consumer writing deliveries, or the worker sending them.
            report += TestRows.text("""
                    SELECT format('stages: deliveries written by the consumer over %s s (%s/s), delivered over %s s from the first write',
                                  round(extract(epoch FROM max(created_at) - min(created_at))::numeric, 1),
                                  round(count(*) / greatest(extract(epoch FROM max(created_at) - min(created_at)), 0.001)::numeric),
                                  round(extract(epoch FROM max(delivered_at) - min(created_at))::numeric, 1))
                      FROM deliveries WHERE webhook_id = ANY (?)""", (Object) published.keySet().stream()
                    .filter(id -> !id.equals("msg_" + warmUp)).toArray(String[]::new)) + String.format("%n");
            System.out.print(report);
            String out = System.getProperty("bench.out");
            if (out != null) {
                Files.writeString(Path.of(out), report);
            }
        } finally {
            server.stop(0);
        }
    }

    private static double ceiling(URI target, int concurrency, int requests) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = "{\"type\":\"analysis.completed\",\"data\":{}}";
        AtomicInteger left = new AtomicInteger(requests);
        long start = System.nanoTime();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        var threads = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            workers.add(CompletableFuture.runAsync(() -> {
                while (left.getAndDecrement() > 0) {
                    try {
                        client.send(HttpRequest.newBuilder(target).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, threads));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get();
        threads.shutdown();
        return requests / ((System.nanoTime() - start) / 1e9);
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1_000_000;
    }
}

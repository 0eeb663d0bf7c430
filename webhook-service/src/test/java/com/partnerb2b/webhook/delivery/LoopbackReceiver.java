package com.partnerb2b.webhook.delivery;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A real HTTP receiver on 127.0.0.1 (ephemeral port) that records every request it gets. */
public final class LoopbackReceiver implements AutoCloseable {

    public record Hit(String method, String path, Headers headers, String body) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    public interface Responder {
        void respond(HttpExchange exchange) throws IOException;
    }

    public final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    public LoopbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public LoopbackReceiver on(String path, Responder responder) {
        server.createContext(path, exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            hits.add(new Hit(exchange.getRequestMethod(), exchange.getRequestURI().toString(), exchange.getRequestHeaders(), body));
            try {
                responder.respond(exchange);
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    public List<Hit> hits(String path) {
        return hits.stream().filter(h -> h.path().startsWith(path)).toList();
    }

    public static Responder status(int status, String body, String... headerPairs) {
        return exchange -> {
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        };
    }

    /** Never answers (until the receiver closes). */
    public Responder hang() {
        return exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Answers 200 and streams {@code bytes} of body, then neither ends the body nor closes (until the receiver closes). */
    Responder streamThenHang(int bytes) {
        return exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked
            OutputStream out = exchange.getResponseBody();
            out.write("y".repeat(bytes).getBytes(StandardCharsets.UTF_8));
            out.flush();
            hang().respond(exchange);
        };
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}

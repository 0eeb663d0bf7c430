package com.partnerb2b.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A trace collector for the tests: receives what the services export over OTLP/HTTP (protobuf) and
 * answers each export with an empty success. It does not decode spans; it tells whether a service
 * exported a span of a given trace: an export request comes from one service, names it (the
 * resource's {@code service.name}) and holds its spans' trace ids as raw bytes.
 */
final class OtlpSink implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    OtlpSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/traces", exchange -> {
            exports.add(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether {@code service} exported at least one span of the trace {@code traceIdHex}. */
    boolean exported(String service, String traceIdHex) {
        byte[] traceId = HexFormat.of().parseHex(traceIdHex);
        byte[] name = service.getBytes(StandardCharsets.UTF_8);
        return exports.stream().anyMatch(body -> contains(body, traceId) && contains(body, name));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

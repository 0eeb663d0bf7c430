package com.partnerb2b.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.net.ssl.SSLSession;

/**
 * One HTTP/1.1 exchange on a plain socket, for request targets {@link java.net.http.HttpClient}
 * refuses to send (a space, braces, a bad percent escape): the gateway must answer those too.
 * Written and read by local-stack's {@link RawHttp}; answered as an {@link HttpResponse} like the others.
 */
final class RawExchange {

    private RawExchange() {
    }

    static HttpResponse<String> send(String baseUrl, FuzzRequests.Request request, String token) {
        URI base = URI.create(baseUrl);
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\nConnection: close\r\n");
        if (request.authorization() != null) {
            head.append("Authorization: ").append(request.authorization()).append("\r\n");
        } else if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] body = request.body() == null ? new byte[0] : request.body();
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        message.writeBytes(body);
        RawHttp.Answer answer;
        try {
            answer = RawHttp.exchange(base.getPort(), message.toByteArray(), Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new IllegalStateException("no answer to a raw " + request.method() + " " + request.path(), e);
        }
        if (answer.status() < 0) {
            throw new IllegalStateException("no answer to a raw " + request.method() + " " + request.path() + ", not HTTP: " + answer.raw());
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        answer.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        String text = "chunked".equalsIgnoreCase(answer.header("Transfer-Encoding")) ? unchunk(answer.body()) : answer.body();
        return new Answer(answer.status(), HttpHeaders.of(headers, (a, b) -> true), text, request);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    private record Answer(int statusCode, HttpHeaders headers, String body, FuzzRequests.Request sent) implements HttpResponse<String> {
        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI.create("http://raw.invalid/")).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return URI.create("http://raw.invalid/");
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}

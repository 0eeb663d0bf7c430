package com.partnerb2b.localstack;

import java.net.ConnectException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;

/**
 * One request forwarded to a service, bodies streamed both ways.
 *
 * <p>What a service answers is passed on even when it answers before the body is sent (a 413 on an
 * upload), and a write that fails because the service stopped reading does not cancel that answer.
 * Answers of the gateway itself: 503 (with {@code Retry-After}) when the request could not be sent —
 * the service refuses the connection, or no connection to it was had within the connect timeout
 * (every pooled one busy: the service is overloaded) — so that a partner knows a retry cannot
 * double anything; 504 when the exchange, once sent, stays silent longer than the response timeout
 * (whether the service acted is unknown); 502 when the service drops the connection before answering. Once an answer has started, a failure closes the
 * caller's connection: the caller must not take a truncated body for a whole one.
 *
 * <p>Written on Vert.x's HTTP client rather than {@code vertx-http-proxy}: that proxy resets the
 * upstream request as soon as a body write fails, and Vert.x then drops the response that the
 * service had already sent (an early 413 became a 503).
 */
final class ProxyExchange {

    /** Per connection, not end to end (RFC 9110, 7.6.1); {@code Host} is the service's own. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "http2-settings",
            "host");

    private final Vertx vertx;
    private final HttpClient client;
    private final GatewayOptions options;
    private final HttpServerRequest inbound;
    private final String requestId;
    private final String target;

    private HttpClientRequest upstream;
    private boolean forwardingBody = true;
    private boolean answered;
    /** Set once nothing is left to do: a later reset would hit a pooled connection another exchange may hold. */
    private boolean finished;
    private long lastActivity = System.nanoTime();
    private long idleTimer = -1;

    ProxyExchange(Vertx vertx, HttpClient client, GatewayOptions options, HttpServerRequest inbound,
            String requestId, String target) {
        this.vertx = vertx;
        this.client = client;
        this.options = options;
        this.inbound = inbound;
        this.requestId = requestId;
        this.target = target;
    }

    void forward(String serviceHost, int servicePort) {
        inbound.pause();
        inbound.exceptionHandler(failure -> abandon());
        inbound.connection().closeHandler(closed -> abandon());
        armIdleTimer(options.responseTimeout().toMillis());
        RequestOptions request = new RequestOptions()
                .setHost(serviceHost)
                .setPort(servicePort)
                .setMethod(inbound.method())
                .setURI(target)
                .setConnectTimeout(options.connectTimeout().toMillis());
        client.request(request).onComplete(this::connected);
    }

    private void connected(AsyncResult<HttpClientRequest> connection) {
        if (answered) {
            if (connection.succeeded()) {
                connection.result().reset();
            }
            return;
        }
        if (connection.failed()) {
            failBeforeSending(connection.cause());
            return;
        }
        upstream = connection.result();
        copyRequestHeaders();
        upstream.response().onComplete(this::answered);
        upstream.exceptionHandler(failure -> forwardingBody = false);
        upstream.continueHandler(ignored -> inbound.response().writeContinue());
        touch();
        if (!GatewayResponses.hasBody(inbound)) {
            upstream.end();
            inbound.resume();
            return;
        }
        // The head goes out before the body so that a service can refuse the body early.
        upstream.sendHead();
        inbound.handler(this::forwardChunk);
        inbound.endHandler(ended -> {
            touch();
            if (forwardingBody && !finished) {
                upstream.end();
            }
        });
        inbound.resume();
    }

    private void copyRequestHeaders() {
        MultiMap headers = upstream.headers();
        Set<String> namedInConnection = connectionOptions(inbound.headers());
        inbound.headers().forEach(header -> {
            String name = header.getKey().toLowerCase();
            if (!HOP_BY_HOP.contains(name) && !namedInConnection.contains(name)) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        String clientAddress = inbound.remoteAddress() == null ? "unknown" : inbound.remoteAddress().hostAddress();
        String forwardedFor = inbound.getHeader("X-Forwarded-For");
        headers.set("X-Forwarded-For", forwardedFor == null ? clientAddress : forwardedFor + ", " + clientAddress);
        headers.set("X-Forwarded-Proto", inbound.isSSL() ? "https" : "http");
        if (inbound.authority() != null) {
            headers.set("X-Forwarded-Host", inbound.authority().toString());
            headers.set("X-Forwarded-Port", String.valueOf(inbound.authority().port() > 0
                    ? inbound.authority().port() : inbound.localAddress().port()));
        }
        headers.set(GatewayRequestId.HEADER, requestId);
        if (GatewayResponses.isChunked(inbound)) {
            headers.remove(HttpHeaders.CONTENT_LENGTH);
            upstream.setChunked(true);
        }
    }

    /** Header names listed in {@code Connection}: they too are meant for this hop only. */
    private static Set<String> connectionOptions(MultiMap headers) {
        Set<String> names = new HashSet<>();
        headers.getAll(HttpHeaders.CONNECTION).forEach(value -> {
            for (String name : value.split(",")) {
                names.add(name.strip().toLowerCase());
            }
        });
        return names;
    }

    private void forwardChunk(Buffer chunk) {
        touch();
        if (!forwardingBody || finished) {
            return;
        }
        try {
            upstream.write(chunk).onFailure(failure -> forwardingBody = false);
        } catch (IllegalStateException closed) {
            forwardingBody = false;
            return;
        }
        if (upstream.writeQueueFull()) {
            inbound.pause();
            upstream.drainHandler(drained -> inbound.resume());
        }
    }

    private void answered(AsyncResult<HttpClientResponse> result) {
        if (answered) {
            return;
        }
        if (result.failed()) {
            failBeforeAnswer(result.cause());
            return;
        }
        answered = true;
        HttpClientResponse response = result.result();
        HttpServerResponse outbound = inbound.response();
        outbound.setStatusCode(response.statusCode());
        if (response.statusMessage() != null) {
            outbound.setStatusMessage(response.statusMessage());
        }
        Set<String> namedInConnection = connectionOptions(response.headers());
        response.headers().forEach(header -> {
            String name = header.getKey().toLowerCase();
            if (!HOP_BY_HOP.contains(name) && !namedInConnection.contains(name)) {
                outbound.headers().add(header.getKey(), header.getValue());
            }
        });
        outbound.headers().set(GatewayRequestId.HEADER, requestId);
        if (GatewayResponses.bodyPending(inbound)) {
            outbound.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        if (isBodilessError(response)) {
            // A service's HTTP layer may refuse before any resource runs (an upload above the body
            // limit: 413 and no body); callers get the error envelope all the same.
            Buffer envelope = Buffer.buffer(GatewayResponses.errorBody(GatewayResponses.codeOf(response.statusCode()),
                    GatewayResponses.messageOf(response.statusCode()), requestId));
            outbound.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
            outbound.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(envelope.length()));
            response.handler(ignored -> touch());
            response.exceptionHandler(failure -> abandon());
            response.endHandler(ended -> finish(outbound, envelope));
            return;
        }
        if (response.getHeader(HttpHeaders.CONTENT_LENGTH) == null && carriesBody(response.statusCode())) {
            outbound.setChunked(true);
        }
        response.handler(chunk -> {
            touch();
            outbound.write(chunk);
            if (outbound.writeQueueFull()) {
                response.pause();
                outbound.drainHandler(drained -> response.resume());
            }
        });
        response.exceptionHandler(failure -> abandon());
        response.endHandler(ended -> finish(outbound, null));
    }

    private void finish(HttpServerResponse outbound, Buffer last) {
        cancelIdleTimer();
        if (GatewayResponses.bodyPending(inbound) || !forwardingBody) {
            // The service answered without the whole body: this upstream connection cannot be reused.
            upstream.reset();
        }
        finished = true;
        (last == null ? outbound.end() : outbound.end(last))
                .onComplete(written -> GatewayResponses.discardUnreadBody(vertx, inbound));
    }

    private boolean isBodilessError(HttpClientResponse response) {
        return response.statusCode() >= 400 && "0".equals(response.getHeader(HttpHeaders.CONTENT_LENGTH))
                && carriesBody(response.statusCode());
    }

    private boolean carriesBody(int status) {
        return status != 204 && status != 304 && status >= 200 && !"HEAD".equals(inbound.method().name());
    }

    /** Nothing reached the service: unavailable, whatever the reason, and safe to send again. */
    private void failBeforeSending(Throwable failure) {
        if (failure instanceof ConnectTimeoutException || failure instanceof TimeoutException || failure instanceof ConnectException) {
            answered = true;
            finished = true;
            cancelIdleTimer();
            GatewayResponses.error(vertx, inbound, 503, "service_unavailable", "Service Unavailable", requestId);
        } else {
            failBeforeAnswer(failure);
        }
    }

    private void failBeforeAnswer(Throwable failure) {
        answered = true;
        finished = true;
        cancelIdleTimer();
        if (upstream != null) {
            upstream.reset();
        }
        if (failure instanceof ConnectTimeoutException || failure instanceof TimeoutException) {
            GatewayResponses.error(vertx, inbound, 504, "gateway_timeout", "Gateway Timeout", requestId);
        } else if (failure instanceof ConnectException) {
            GatewayResponses.error(vertx, inbound, 503, "service_unavailable", "Service Unavailable", requestId);
        } else {
            GatewayResponses.error(vertx, inbound, 502, "bad_gateway", "Bad Gateway", requestId);
        }
    }

    /** The caller is gone, or the answer cannot be completed: stop both sides. */
    private void abandon() {
        if (finished) {
            return;
        }
        finished = true;
        cancelIdleTimer();
        answered = true;
        if (upstream != null) {
            upstream.reset();
        }
        if (!inbound.response().ended()) {
            inbound.connection().close();
        }
    }

    private void touch() {
        lastActivity = System.nanoTime();
    }

    private void armIdleTimer(long delayMs) {
        idleTimer = vertx.setTimer(Math.max(1, delayMs), id -> {
            long silentMs = (System.nanoTime() - lastActivity) / 1_000_000;
            long limitMs = options.responseTimeout().toMillis();
            if (silentMs < limitMs) {
                armIdleTimer(limitMs - silentMs);
            } else if (!answered) {
                failBeforeAnswer(new TimeoutException("No byte from or to the service for " + silentMs + " ms"));
            } else {
                abandon();
            }
        });
    }

    private void cancelIdleTimer() {
        if (idleTimer >= 0) {
            vertx.cancelTimer(idleTimer);
            idleTimer = -1;
        }
    }
}

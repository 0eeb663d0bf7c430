package com.partnerb2b.localstack;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The gateway's own answers (JSON error envelope), and how an exchange ends before its body was read. */
final class GatewayResponses {

    /** How long a connection answered early keeps reading (and dropping) the rest of the caller's body. */
    private static final long LINGER_MS = 5_000;

    private GatewayResponses() {
    }

    static void error(Vertx vertx, HttpServerRequest request, int status, String code, String message, String requestId) {
        HttpServerResponse response = request.response();
        if (response.headWritten()) {
            request.connection().close();
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(GatewayRequestId.HEADER, requestId);
        if (status == 503) {
            response.putHeader("Retry-After", "5");
        }
        if (bodyPending(request)) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end(errorBody(code, message, requestId)).onComplete(written -> discardUnreadBody(vertx, request));
    }

    /**
     * A request the HTTP decoder could not read (request line over 4 KB, headers over 8 KB, bad
     * syntax): Vert.x's default answers with an empty body; partners get the error envelope like
     * every other refusal. The connection is closed after it: what follows on it cannot be trusted.
     */
    static void undecodable(Vertx vertx, HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status = cause instanceof TooLongHttpLineException ? 414
                : cause instanceof TooLongHttpHeaderException ? 431 : 400;
        String code = switch (status) {
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> "bad_request";
        };
        String requestId = GatewayRequestId.resolve(null);
        request.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(GatewayRequestId.HEADER, requestId)
                .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                .end(errorBody(code, HttpResponseStatus.valueOf(status).reasonPhrase(), requestId));
    }

    /** Whether the caller still has body bytes to send: then the connection cannot carry a next request. */
    static boolean bodyPending(HttpServerRequest request) {
        return !request.isEnded() && hasBody(request);
    }

    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return isChunked(request) || (length != null && !"0".equals(length.strip()));
    }

    static boolean isChunked(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase().contains("chunked");
    }

    /** The envelope's code for a status, as the services name it. */
    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 413 -> "payload_too_large";
            case 502 -> "bad_gateway";
            case 503 -> "service_unavailable";
            case 504 -> "gateway_timeout";
            default -> "http_" + status;
        };
    }

    static String messageOf(int status) {
        return switch (status) {
            case 413 -> "Payload Too Large";
            case 500 -> "Internal Error";
            default -> HttpResponseStatus.valueOf(status).reasonPhrase();
        };
    }

    static String errorBody(String code, String message, String requestId) {
        return new JsonObject()
                .put("error", new JsonObject().put("code", code).put("message", message).put("details", new JsonArray()))
                .put("meta", new JsonObject()
                        .put("timestamp", LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).toString())
                        .put("request_id", requestId))
                .encode();
    }

    /**
     * After an answer sent before the caller finished its body: read and drop the rest, then close.
     * Closing at once would make the caller's TCP stack reset the connection while it is still
     * sending, and a reset can throw away the answer before the caller reads it.
     */
    static void discardUnreadBody(Vertx vertx, HttpServerRequest request) {
        if (!bodyPending(request)) {
            return;
        }
        long linger = vertx.setTimer(LINGER_MS, id -> request.connection().close());
        request.handler(ignored -> {
        });
        request.exceptionHandler(ignored -> {
        });
        request.endHandler(ignored -> {
            vertx.cancelTimer(linger);
            request.connection().close();
        });
        request.resume();
    }
}

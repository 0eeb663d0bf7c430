package com.partnerb2b.localstack;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The local API gateway: Vert.x's reverse proxy in front of the services, routed by
 * {@code deploy/routes.yaml}. It streams bodies, passes {@code X-Request-Id} (making one when the
 * caller sent none) and {@code X-Forwarded-*}, and answers in the JSON error envelope when no route
 * matches (404) or the service is not running (503).
 */
public final class Gateway implements AutoCloseable {

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Vertx vertx;
    private final RouteTable routes;
    private final Map<String, HttpProxy> proxies = new HashMap<>();
    private HttpServer server;

    public Gateway(Vertx vertx, RouteTable routes, String serviceHost) {
        this.vertx = vertx;
        this.routes = routes;
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(64)
                .setConnectTimeout(2_000));
        routes.servicePorts().forEach((service, port) -> proxies.put(service,
                HttpProxy.reverseProxy(client).origin(port, serviceHost).addInterceptor(new ForwardingInterceptor(service))));
    }

    public int start(String host, int port) throws Exception {
        CompletableFuture<HttpServer> started = new CompletableFuture<>();
        vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(this::route)
                .listen()
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        started.complete(ar.result());
                    } else {
                        started.completeExceptionally(ar.cause());
                    }
                });
        server = started.get(10, TimeUnit.SECONDS);
        return server.actualPort();
    }

    private void route(HttpServerRequest request) {
        String requestId = request.getHeader("X-Request-Id");
        if (requestId == null || !SAFE_REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
            request.headers().set("X-Request-Id", requestId);
        }
        Optional<String> service = routes.serviceFor(request.path());
        if (service.isEmpty()) {
            request.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                    .putHeader("X-Request-Id", requestId)
                    .end(errorBody("not_found", "Not Found", requestId));
            return;
        }
        proxies.get(service.get()).handle(request);
    }

    static String errorBody(String code, String message, String requestId) {
        return new JsonObject()
                .put("error", new JsonObject().put("code", code).put("message", message).putNull("details"))
                .put("meta", new JsonObject().put("timestamp", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString())
                        .put("request_id", requestId))
                .encode();
    }

    /** Adds the forwarding headers, and turns "service not reachable" into a JSON 503. */
    private static final class ForwardingInterceptor implements ProxyInterceptor {

        private final String service;

        ForwardingInterceptor(String service) {
            this.service = service;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            var headers = context.request().headers();
            String clientAddress = incoming.remoteAddress() == null ? "unknown" : incoming.remoteAddress().hostAddress();
            String forwardedFor = headers.get("X-Forwarded-For");
            headers.set("X-Forwarded-For", forwardedFor == null ? clientAddress : forwardedFor + ", " + clientAddress);
            headers.set("X-Forwarded-Proto", incoming.isSSL() ? "https" : "http");
            if (incoming.authority() != null) {
                headers.set("X-Forwarded-Host", incoming.authority().toString());
                headers.set("X-Forwarded-Port", String.valueOf(incoming.authority().port() > 0
                        ? incoming.authority().port() : incoming.localAddress().port()));
            }
            String requestId = headers.get("X-Request-Id");
            return context.sendRequest().recover(failure -> {
                ProxyResponse unavailable = context.request().response()
                        .setStatusCode(503)
                        .setStatusMessage("Service Unavailable")
                        .putHeader("Content-Type", "application/json")
                        .putHeader("X-Request-Id", requestId)
                        .setBody(Body.body(Buffer.buffer(errorBody("service_unavailable",
                                "Service Unavailable", requestId))));
                unavailable.headers().set("Retry-After", "5");
                return Future.succeededFuture(unavailable);
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            if (context.response().headers().get("X-Request-Id") == null) {
                context.response().putHeader("X-Request-Id", context.request().headers().get("X-Request-Id"));
            }
            return context.sendResponse();
        }

        @Override
        public String toString() {
            return "forwarding to " + service;
        }
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }
}

package com.partnerb2b.localstack;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * One event loop of the gateway: its own listener on the shared port (Vert.x spreads connections
 * over the instances) and its own connection pool toward the services, so an exchange never hops
 * between threads.
 */
final class GatewayVerticle extends AbstractVerticle {

    private final RouteTable routes;
    private final GatewayDocs docs;
    private final String serviceHost;
    private final GatewayOptions options;
    private final String bindHost;
    private final int port;
    private final AtomicLong served = new AtomicLong();
    private volatile String eventLoop;
    private HttpClient client;
    private int actualPort;

    GatewayVerticle(RouteTable routes, GatewayDocs docs, String serviceHost, GatewayOptions options, String bindHost, int port) {
        this.routes = routes;
        this.docs = docs;
        this.serviceHost = serviceHost;
        this.options = options;
        this.bindHost = bindHost;
        this.port = port;
    }

    @Override
    public void start(Promise<Void> started) {
        eventLoop = Thread.currentThread().getName();
        int connectTimeout = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
        client = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(connectTimeout))
                .with(new PoolOptions().setHttp1MaxSize(options.connectionsPerService()))
                .withConnectHandler(GatewayVerticle::keepReadingAfterFailedWrite)
                .build();
        // HTTP/1.1 only toward callers: an exchange that ends early closes its connection, which in
        // HTTP/2 would cut every other stream of that caller.
        vertx.createHttpServer(new HttpServerOptions().setHost(bindHost).setPort(port).setHttp2ClearTextEnabled(false))
                .requestHandler(this::route)
                .invalidRequestHandler(request -> GatewayResponses.undecodable(vertx, request))
                .listen()
                .onSuccess(server -> actualPort = server.actualPort())
                .<Void>mapEmpty()
                .onComplete(started);
    }

    /**
     * A service that refuses an upload answers, closes, and its kernel resets the connection on the
     * next bytes the gateway sends. By default Netty closes a channel on the first failed write,
     * before reading what the service had already answered, so the answer would be lost. Shutting
     * down only the output keeps the answer readable.
     */
    private static void keepReadingAfterFailedWrite(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            base.channelHandlerContext().channel().config().setAutoClose(false);
        }
    }

    private void route(HttpServerRequest request) {
        served.incrementAndGet();
        String requestId = GatewayRequestId.resolve(request.getHeader(GatewayRequestId.HEADER));
        Optional<String> path = GatewayPaths.normalise(request.path());
        if (path.isEmpty()) {
            GatewayResponses.error(vertx, request, 400, "bad_request", "Bad Request", requestId);
            return;
        }
        if (GatewayDocs.owns(path.get())) {
            docs.serve(vertx, request, path.get(), requestId);
            return;
        }
        Optional<String> service = routes.serviceFor(path.get());
        if (service.isEmpty()) {
            GatewayResponses.error(vertx, request, 404, "not_found", "Not Found", requestId);
            return;
        }
        String target = request.query() == null ? path.get() : path.get() + "?" + request.query();
        new ProxyExchange(vertx, client, options, request, requestId, target)
                .forward(serviceHost, routes.servicePorts().get(service.get()));
    }

    int actualPort() {
        return actualPort;
    }

    /** The event-loop thread of this instance, and how many requests it has taken. */
    String eventLoop() {
        return eventLoop;
    }

    long served() {
        return served.get();
    }
}

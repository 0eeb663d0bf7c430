package com.partnerb2b.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.partnerb2b.localstack.apidoc.ApiDocs;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;

/**
 * The local API gateway in front of the services, routed by {@code deploy/routes.yaml}.
 *
 * <p>It normalises each path before routing on it and forwards that same path (a path it cannot
 * normalise safely is a 400), streams bodies both ways, passes {@code X-Request-Id} (making one when
 * the caller's is missing or unsafe) and {@code X-Forwarded-*}, passes a service's answer on even
 * when it comes before the request body was sent, and answers in the JSON error envelope when no
 * route matches (404), the service is not running (503), drops the connection before answering (502)
 * or does not answer in time (504). It serves the merged OpenAPI document and Swagger UI itself
 * ({@link GatewayDocs}). It runs one listener per event loop
 * ({@link GatewayOptions#eventLoops()}); see {@link ProxyExchange} for one forwarded request.
 */
public final class Gateway implements AutoCloseable {

    private static final AtomicInteger RANDOM_PORT_KEYS = new AtomicInteger();

    private final Vertx vertx;
    private final RouteTable routes;
    private final GatewayDocs docs = new GatewayDocs(new ApiDocs());
    private final String serviceHost;
    private final GatewayOptions options;
    private final List<GatewayVerticle> instances = new CopyOnWriteArrayList<>();
    private final List<String> deployments = new ArrayList<>();

    public Gateway(Vertx vertx, RouteTable routes, String serviceHost, GatewayOptions options) {
        this.vertx = vertx;
        this.routes = routes;
        this.serviceHost = serviceHost;
        this.options = options;
    }

    public Gateway(Vertx vertx, RouteTable routes, String serviceHost) {
        this(vertx, routes, serviceHost, GatewayOptions.fromEnvironment());
    }

    /** Listens on {@code host:port} (0: any free port) and returns the port. */
    public int start(String host, int port) throws Exception {
        // Vert.x shares one random port among the servers that listen on the same negative port (0 would
        // give each instance its own); each gateway takes its own negative port so two never share.
        int listenPort = port == 0 ? -RANDOM_PORT_KEYS.incrementAndGet() : port;
        List<GatewayVerticle> created = new CopyOnWriteArrayList<>();
        deployments.add(vertx.deployVerticle(() -> {
            GatewayVerticle verticle = new GatewayVerticle(routes, docs, serviceHost, options, host, listenPort);
            created.add(verticle);
            return verticle;
        }, new DeploymentOptions().setInstances(options.eventLoops()))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        instances.addAll(created);
        return created.get(0).actualPort();
    }

    /** Requests taken so far by each event-loop thread of the gateway. */
    Map<String, Long> requestsPerEventLoop() {
        Map<String, Long> counts = new LinkedHashMap<>();
        instances.forEach(instance -> counts.merge(instance.eventLoop(), instance.served(), Long::sum));
        return counts;
    }

    @Override
    public void close() throws Exception {
        for (String deployment : deployments) {
            vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        deployments.clear();
    }
}

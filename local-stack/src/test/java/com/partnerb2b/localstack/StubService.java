package com.partnerb2b.localstack;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/** A stand-in service on 127.0.0.1 that records what the gateway sent it, then answers as told. */
final class StubService implements AutoCloseable {

    record Seen(String method, String uri, MultiMap headers) {
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private StubService(Vertx vertx, Handler<HttpServerRequest> behaviour) throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(request -> {
                    seen.add(new Seen(request.method().name(), request.uri(),
                            MultiMap.caseInsensitiveMultiMap().addAll(request.headers())));
                    behaviour.handle(request);
                })
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static StubService start(Vertx vertx, Handler<HttpServerRequest> behaviour) throws Exception {
        return new StubService(vertx, behaviour);
    }

    int port() {
        return server.actualPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    Seen last() {
        return seen.get(seen.size() - 1);
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}

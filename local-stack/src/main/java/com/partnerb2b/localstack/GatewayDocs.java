package com.partnerb2b.localstack;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import com.partnerb2b.localstack.apidoc.ApiDocs;
import com.partnerb2b.localstack.apidoc.ApiDocumentMerge;

/** The gateway's own pages: the merged OpenAPI document and Swagger UI (answered here, never forwarded). */
final class GatewayDocs {

    private static final String DOCS_BARE = ApiDocs.DOCS_PATH.substring(0, ApiDocs.DOCS_PATH.length() - 1);
    private static final String START_PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    private final ApiDocs docs;

    GatewayDocs(ApiDocs docs) {
        this.docs = docs;
    }

    /** Whether the gateway answers this (normalised) path itself. */
    static boolean owns(String path) {
        return path.equals(ApiDocumentMerge.DOCUMENT_PATH) || path.equals(DOCS_BARE) || path.startsWith(ApiDocs.DOCS_PATH);
    }

    void serve(Vertx vertx, HttpServerRequest request, String path, String requestId) {
        HttpServerResponse response = request.response();
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            response.putHeader("Allow", "GET, HEAD");
            GatewayResponses.error(vertx, request, 405, "method_not_allowed", "Method Not Allowed", requestId);
            return;
        }
        if (path.equals(DOCS_BARE)) {
            response.setStatusCode(301).putHeader(HttpHeaders.LOCATION, ApiDocs.DOCS_PATH);
            send(vertx, request, requestId, Buffer.buffer(), null);
            return;
        }
        if (path.equals(ApiDocumentMerge.DOCUMENT_PATH)) {
            Buffer document = docs.document();
            if (document == null) {
                GatewayResponses.error(vertx, request, 404, "not_found", "Not Found", requestId);
                return;
            }
            response.putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").putHeader("Access-Control-Allow-Origin", "*");
            send(vertx, request, requestId, document, "application/json");
            return;
        }
        String name = path.substring(ApiDocs.DOCS_PATH.length());
        ApiDocs.File file = docs.file(name);
        if (file == null) {
            GatewayResponses.error(vertx, request, 404, "not_found", "Not Found", requestId);
            return;
        }
        if (file.contentType().startsWith("text/html")) {
            response.putHeader("Content-Security-Policy", START_PAGE_POLICY).putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        } else {
            response.putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
        }
        send(vertx, request, requestId, file.content(), file.contentType());
    }

    private static void send(Vertx vertx, HttpServerRequest request, String requestId, Buffer body, String contentType) {
        HttpServerResponse response = request.response();
        response.putHeader(GatewayRequestId.HEADER, requestId).putHeader("X-Content-Type-Options", "nosniff");
        if (contentType != null) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        }
        if (GatewayResponses.bodyPending(request)) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        if (request.method() == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length()));
            response.end().onComplete(written -> GatewayResponses.discardUnreadBody(vertx, request));
        } else {
            response.end(body).onComplete(written -> GatewayResponses.discardUnreadBody(vertx, request));
        }
    }
}

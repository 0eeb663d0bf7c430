package com.partnerb2b.platform.api;

import java.util.UUID;
import java.util.regex.Pattern;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

/**
 * The request id of the current HTTP request, kept in the request's (duplicated) Vert.x context so
 * that resources, exception mappers and plain Vert.x handlers all see the same value.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String KEY = "partnerb2b.request_id";
    /** A caller's id is echoed only if it is a harmless token (no header or log injection). */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static String resolve(String fromCaller) {
        if (fromCaller != null && ACCEPTABLE.matcher(fromCaller).matches()) {
            return fromCaller;
        }
        return UUID.randomUUID().toString();
    }

    public static void bind(String requestId) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(KEY, requestId);
        }
    }

    public static String current() {
        if (VertxContext.isOnDuplicatedContext()) {
            return ContextLocals.<String>get(KEY).orElseGet(RequestIds::unbound);
        }
        return unbound();
    }

    private static String unbound() {
        return UUID.randomUUID().toString();
    }
}

package com.partnerb2b.localstack;

import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} of an exchange: the caller's when it is a safe token, else a new one. */
final class GatewayRequestId {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private GatewayRequestId() {
    }

    static String resolve(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}

package com.partnerb2b.platform.api;

import java.util.UUID;

import com.partnerb2b.platform.error.ApiException;

/**
 * Path identifiers read by hand rather than by JAX-RS, so that a malformed one is the same
 * {@code … Not Found} as an unknown one (never a 400 that tells the two apart, never a 500).
 */
public final class PathIds {

    private PathIds() {
    }

    public static Long number(String pk, String what) {
        try {
            return Long.valueOf(pk);
        } catch (NumberFormatException e) {
            throw ApiException.notFound(what);
        }
    }

    public static UUID uuid(String pk, String what) {
        try {
            return UUID.fromString(pk);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what);
        }
    }
}

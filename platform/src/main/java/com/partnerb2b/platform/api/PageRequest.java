package com.partnerb2b.platform.api;

import java.util.List;

import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.error.FieldError;

/**
 * {@code page} (1-based) and {@code limit} (default 20, at most 100) of a list request. Parsed
 * here rather than by JAX-RS so that a bad value is a 400 naming the parameter, not a 404.
 */
public record PageRequest(int page, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest parse(String page, String limit) {
        int p = number("page", page, 1);
        int l = number("limit", limit, DEFAULT_LIMIT);
        if (p < 1) {
            throw ApiException.invalidValue(List.of(new FieldError("page", "must be 1 or more")));
        }
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiException.invalidValue(List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        if ((long) (p - 1) * l > Integer.MAX_VALUE) {
            throw ApiException.invalidValue(List.of(new FieldError("page", "too large")));
        }
        return new PageRequest(p, l);
    }

    /** Rows before this page. */
    public long offset() {
        return (long) (page - 1) * limit;
    }

    private static int number(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "type_error", "Type Error", List.of(new FieldError(name, "expected a whole number")));
        }
    }
}

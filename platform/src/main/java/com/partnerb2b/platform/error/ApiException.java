package com.partnerb2b.platform.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure whose status, code and message a partner is meant to see. Services throw it (or fail a
 * {@code Uni} with it); {@link ErrorMappers} writes it in the error envelope.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<FieldError> details;
    private final Map<String, Object> extra = new LinkedHashMap<>();

    public ApiException(int status, String code, String message, List<FieldError> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details == null ? List.of() : details;
    }

    /** Adds a named figure to the error body, beside {@code details} (e.g. submit's completion). */
    public ApiException with(String name, Object value) {
        extra.put(name, value);
        return this;
    }

    public Map<String, Object> extra() {
        return extra;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> details() {
        return details;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " Not Found", null);
    }

    public static ApiException invalidValue(List<FieldError> details) {
        return new ApiException(400, "invalid_value", "Invalid value", details);
    }

    public static ApiException authentication() {
        return new ApiException(401, "authentication_error", "Authentication Error", null);
    }

    public static ApiException notAllowed() {
        return new ApiException(403, "not_allowed", "Not Allowed", null);
    }

    /** 503 with {@code Retry-After}: something this answer depends on is away for now. */
    public static ApiException unavailable(String field, String message) {
        return new ApiException(503, "service_unavailable", "Service Unavailable", List.of(new FieldError(field, message)));
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message, null);
    }
}

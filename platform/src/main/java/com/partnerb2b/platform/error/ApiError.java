package com.partnerb2b.platform.error;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.partnerb2b.platform.api.ResponseMeta;

/**
 * The error envelope: {@code {"error": {"code", "message", "details"}, "meta": {…}}}. {@code details}
 * is always a list of {@code {field, message}} (empty when there is nothing to add), so a partner
 * reads it one way whatever the error; a few errors add a named figure beside it (submit's
 * {@code completion}).
 */
public record ApiError(Body error, ResponseMeta meta) {

    @JsonPropertyOrder({ "code", "message", "details" })
    public static final class Body {

        private final String code;
        private final String message;
        private final List<FieldError> details;
        private final Map<String, Object> extra;

        Body(String code, String message, List<FieldError> details, Map<String, Object> extra) {
            this.code = code;
            this.message = message;
            this.details = details == null ? List.of() : List.copyOf(details);
            this.extra = extra == null ? Map.of() : Map.copyOf(extra);
        }

        public String getCode() {
            return code;
        }

        public String getMessage() {
            return message;
        }

        public List<FieldError> getDetails() {
            return details;
        }

        @JsonAnyGetter
        public Map<String, Object> extra() {
            return extra;
        }
    }

    public static ApiError of(String code, String message, List<FieldError> details) {
        return of(code, message, details, null);
    }

    public static ApiError of(String code, String message, List<FieldError> details, Map<String, Object> extra) {
        return new ApiError(new Body(code, message, details, extra), ResponseMeta.now());
    }
}

package com.partnerb2b.platform.error;

import com.partnerb2b.platform.api.ResponseMeta;

/** The error envelope: {@code {"error": {"code", "message", "details"}, "meta": {…}}}. */
public record ApiError(Body error, ResponseMeta meta) {

    public record Body(String code, String message, Object details) {
    }

    public static ApiError of(String code, String message, Object details) {
        return new ApiError(new Body(code, message, details), ResponseMeta.now());
    }
}

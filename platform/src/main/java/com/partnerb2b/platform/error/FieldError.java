package com.partnerb2b.platform.error;

/** One entry of {@code error.details}: which field is wrong and why. */
public record FieldError(String field, String message) {
}

package com.partnerb2b.auth.rest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.partnerb2b.auth.repository.ApiKey;
import com.partnerb2b.auth.service.ApiKeySecrets;

/** An API key as an operator sees it: {@code apiKey} only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(String keyId, String apiKey, String prefix, Instant createdAt, Instant revokedAt, Boolean active) {

    static ApiKeyView created(ApiKey key, String apiKey) {
        return new ApiKeyView(key.keyId, apiKey, null, key.createdAt, null, null);
    }

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.keyId, null, ApiKeySecrets.PREFIX + key.keyId, key.createdAt, key.revokedAt,
                key.isActive());
    }
}

package com.partnerb2b.auth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.partnerb2b.auth.service.IssuedTokens;
import com.partnerb2b.platform.api.Timestamps;

/** The seed's token response; {@code refesh_expire} is the seed's spelling, kept beside the correct one. */
public record TokenPairView(
        String access,
        String refresh,
        @JsonProperty("access_expire") String accessExpire,
        @JsonProperty("refesh_expire") String refeshExpire,
        @JsonProperty("refresh_expire") String refreshExpire) {

    static TokenPairView of(IssuedTokens tokens) {
        String refreshExpire = Timestamps.expiry(tokens.refreshExpiresAt());
        return new TokenPairView(tokens.access(), tokens.refresh(), Timestamps.expiry(tokens.accessExpiresAt()),
                refreshExpire, refreshExpire);
    }
}

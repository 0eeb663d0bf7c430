package com.partnerb2b.auth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.partnerb2b.auth.service.TokenMinter;
import com.partnerb2b.platform.api.Timestamps;

/** The seed's refresh response ({@code access_expires}), with {@code access_expire} as in the token response. */
public record RefreshedAccessView(
        String access,
        @JsonProperty("access_expires") String accessExpires,
        @JsonProperty("access_expire") String accessExpire) {

    static RefreshedAccessView of(TokenMinter.Access access) {
        String expiry = Timestamps.expiry(access.expiresAt());
        return new RefreshedAccessView(access.token(), expiry, expiry);
    }
}

package com.partnerb2b.profile.rest;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.partnerb2b.platform.error.ApiException;

/** The calling partner, from its access token. */
final class Partners {

    private Partners() {
    }

    static UUID of(JsonWebToken token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (RuntimeException e) {
            throw ApiException.notAllowed();
        }
    }
}

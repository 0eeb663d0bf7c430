package com.partnerb2b.platform.security;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.partnerb2b.platform.error.ApiException;

/** The calling partner, from its access token (the subject is the partner id). */
public final class Partners {

    private Partners() {
    }

    public static UUID of(JsonWebToken token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (RuntimeException e) {
            throw ApiException.notAllowed();
        }
    }
}

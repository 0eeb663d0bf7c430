package com.partnerb2b.platform.security;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Puts {@link VerifiedTokenCache} in front of the verification of bearer tokens. Quarkus's JWT
 * identity provider verifies every request's token with {@code parse(token)} against the configured
 * keys, algorithm, issuer and audience; only that call is cached. Verifications against another
 * context ({@code parse(token, context)}, e.g. refresh tokens) are left alone, so that a token
 * verified for one audience is never taken from the cache for another.
 */
@Decorator
@Priority(10)
public abstract class CachingJwtParser implements JWTParser {

    @Inject
    @Delegate
    JWTParser delegate;

    @Inject
    VerifiedTokenCache cache;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return cache.verify(token, delegate::parse);
    }
}

package com.partnerb2b.platform.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an anonymous endpoint that takes a credential (API key, refresh token): each call counts
 * against its client address's attempt limit before its body is read ({@link TokenAttemptFilter}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TokenAttempts {
}

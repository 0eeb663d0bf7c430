package com.partnerb2b.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "partnerb2b.token-cache")
public interface VerifiedTokenCacheConfig {

    @WithDefault("true")
    boolean enabled();

    /** Verified access tokens remembered at most; past it, new tokens are verified each time. */
    @WithDefault("10000")
    int maxEntries();
}

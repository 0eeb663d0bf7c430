package com.partnerb2b.platform.ratelimit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "partnerb2b.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Requests allowed per partner and window, on each service instance. */
    @WithDefault("100")
    int limit();

    @WithDefault("1M")
    Duration window();
}

package com.partnerb2b.platform.ratelimit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits on the anonymous token endpoints, each attempt of which costs a database lookup and
 * signatures. A partner needs a token an hour; only a burst or a guessing attack reaches these.
 */
@ConfigMapping(prefix = "partnerb2b.token-attempts")
public interface TokenAttemptConfig {

    @WithDefault("true")
    boolean enabled();

    /** Attempts allowed per client address and window, on each service instance. */
    @WithDefault("30")
    int perAddress();

    /** Attempts allowed per API key id and window, on each service instance. */
    @WithDefault("30")
    int perKey();

    @WithDefault("10S")
    Duration window();
}

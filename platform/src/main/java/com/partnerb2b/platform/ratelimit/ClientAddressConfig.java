package com.partnerb2b.platform.ratelimit;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "partnerb2b.client-address")
public interface ClientAddressConfig {

    /**
     * Proxies whose {@code X-Forwarded-For} is believed (addresses or CIDR blocks): the gateway, the
     * ingress. By default loopback only, where the local gateway runs.
     */
    @WithDefault("127.0.0.0/8,::1/128")
    List<String> trustedProxies();
}

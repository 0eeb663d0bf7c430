package com.partnerb2b.webhook.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to all its addresses; the system resolver in production, a controlled one in tests.
 * <p>
 * The guard asks for every address (not just the first) because a name with one public and one private
 * record must be refused as a whole: which one a client picks is not ours to predict. Tests pass their own
 * resolver so that no test ever depends on, or sends a query to, real DNS.
 */
public interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
}

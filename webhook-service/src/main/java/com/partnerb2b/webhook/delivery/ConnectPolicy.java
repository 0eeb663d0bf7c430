package com.partnerb2b.webhook.delivery;

import java.net.InetAddress;

/**
 * Decides, before any socket is opened, whether an address may be connected to. Production: the guard's rule
 * (checked again right at the socket, whatever the caller vetted). Tests: loopback only, so that even a broken
 * guard could never make a test send a packet to 10.0.0.1 or 169.254.169.254 — the test fails instead.
 */
@FunctionalInterface
public interface ConnectPolicy {

    boolean mayConnect(InetAddress address);

    /** Only loopback addresses (127/8, ::1): the policy of every test. */
    static ConnectPolicy loopbackOnly() {
        return address -> address != null && address.isLoopbackAddress();
    }

    /** The guard's own address rule. */
    static ConnectPolicy guardedBy(AddressGuard guard) {
        if (guard == null) {
            throw new IllegalArgumentException("guard is required");
        }
        return address -> address != null && guard.allowed(address);
    }
}

package com.partnerb2b.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.webhook.delivery.ConnectPolicy;
import com.partnerb2b.webhook.delivery.HostResolver;

/**
 * The service under test never reaches beyond loopback: names resolve only through this resolver
 * ({@code *.test} → 127.0.0.1, {@code private.test} → 10.0.0.1, anything else unknown), and the
 * delivery client refuses, before opening a socket, any address that is not loopback — so a guard
 * bug fails a test instead of sending a packet elsewhere.
 */
public final class TestBeans {

    private TestBeans() {
    }

    @ApplicationScoped
    public static class TestNames implements HostResolver {
        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            if ("private.test".equals(host)) {
                return List.of(InetAddress.getByAddress(host, new byte[] { 10, 0, 0, 1 }));
            }
            if (host.endsWith(".test")) {
                return List.of(InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 }));
            }
            throw new UnknownHostException(host + " (only *.test names exist in tests)");
        }
    }

    @ApplicationScoped
    public static class LoopbackOnly implements ConnectPolicy {
        private final ConnectPolicy loopback = ConnectPolicy.loopbackOnly();

        @Override
        public boolean mayConnect(InetAddress address) {
            return loopback.mayConnect(address);
        }
    }
}

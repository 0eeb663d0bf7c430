package com.partnerb2b.webhook.delivery;

import java.net.InetAddress;
import java.net.URI;

/**
 * A URL whose target passed the guard: connect to {@code address} (never resolve {@code host} again), send
 * Host/SNI = {@code host}.
 * <p>
 * Carrying the vetted address to the socket is what defeats DNS rebinding: the name is resolved once, judged,
 * and the same address is dialled. {@code host} is lower-case without a trailing dot; for an IP literal it is the
 * canonical address text (IPv6 without brackets, IPv4-mapped IPv6 as dotted IPv4). {@code pathAndQuery} is the
 * raw path (at least {@code /}) plus {@code ?query}; the fragment is dropped.
 */
public record VettedTarget(URI uri, String host, InetAddress address, int port, boolean https, String pathAndQuery) {

    /** True when {@link #host()} is an IP address rather than a DNS name (no SNI is sent for those). */
    public boolean hostIsIpLiteral() {
        return host.equals(address.getHostAddress());
    }

    /** The Host header value: the host (IPv6 in brackets) plus the port unless it is the scheme's default. */
    public String hostHeader() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        boolean defaultPort = https ? port == 443 : port == 80;
        return defaultPort ? h : h + ":" + port;
    }
}

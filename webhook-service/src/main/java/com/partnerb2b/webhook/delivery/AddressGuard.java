package com.partnerb2b.webhook.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.jboss.logging.Logger;

/**
 * The SSRF guard: a partner chooses the URL we POST to from inside our network, so the URL must never lead to
 * our own machines, the cloud metadata service or anything else not on the public Internet.
 * <p>
 * Design choices, all failing closed:
 * <ul>
 * <li>The authority is parsed here, not by {@link URI} (which gives up on {@code 127.1}) nor by the system
 * resolver (which would read {@code 0x7f.1} with inet_aton rules): a host whose last label is numeric is parsed
 * as an IPv4 literal the way browsers do (decimal, octal, hex, 1 to 4 parts); a bracketed host as IPv6 (zone ids
 * refused); anything else must be a valid DNS name, else the URL is refused.</li>
 * <li>Every address a name resolves to is judged; one forbidden address refuses the whole target.</li>
 * <li>IPv6 forms that embed an IPv4 address (mapped, 6to4, NAT64) are judged by that IPv4 address; other IPv6
 * addresses must be global unicast (2000::/3) outside the special-purpose blocks.</li>
 * </ul>
 * The returned {@link VettedTarget} carries the address to dial, so no second lookup (DNS rebinding) can
 * change where the request goes. Vet again before every attempt (a name may have moved to a private address since
 * configuration). Thread-safe; {@link #vet} may block on DNS with the system resolver, so call it on a worker
 * thread, never on a Vert.x event loop.
 */
public final class AddressGuard {

    private static final Logger LOG = Logger.getLogger(AddressGuard.class);

    public static final int MAX_URL_LENGTH = 2048;

    private final HostResolver resolver;
    private final boolean allowLoopbackHttp;

    /**
     * @param allowLoopbackHttp local mode only: loopback targets become allowed, over http or https; http stays
     *                          refused for every other target.
     */
    public AddressGuard(HostResolver resolver, boolean allowLoopbackHttp) {
        if (resolver == null) {
            throw new IllegalArgumentException("resolver is required");
        }
        this.resolver = resolver;
        this.allowLoopbackHttp = allowLoopbackHttp;
    }

    /**
     * Checks the URL (absolute, https — or http only to a loopback target when allowLoopbackHttp —, no
     * user-info, at most 2,048 chars, a host) and EVERY address its host resolves to; returns the first allowed
     * address to connect to. Fails closed on anything unparseable.
     */
    public VettedTarget vet(String url) throws TargetRefused {
        if (url == null || url.isEmpty()) {
            throw invalid("empty URL");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw invalid("longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("unparseable: " + e.getReason());
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw invalid("not an absolute hierarchical URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https;
        if (scheme.equals("https")) {
            https = true;
        } else if (scheme.equals("http")) {
            https = false;
            if (!allowLoopbackHttp) {
                throw invalid("http is not allowed, use https");
            }
        } else {
            throw invalid("scheme " + scheme + " is not allowed");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw invalid("no host");
        }
        if (authority.indexOf('@') >= 0 || uri.getRawUserInfo() != null) {
            throw invalid("user-info is not allowed");
        }

        // Split host and port ourselves: URI leaves host null for registry-based authorities such as 127.1.
        String hostPart;
        String portPart = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw invalid("unterminated IPv6 literal");
            }
            hostPart = authority.substring(0, close + 1);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw invalid("garbage after IPv6 literal");
                }
                portPart = rest.substring(1);
            }
        } else {
            int colon = authority.indexOf(':');
            if (colon >= 0) {
                if (authority.indexOf(':', colon + 1) >= 0) {
                    throw invalid("more than one ':' in the authority");
                }
                hostPart = authority.substring(0, colon);
                portPart = authority.substring(colon + 1);
            } else {
                hostPart = authority;
            }
        }
        int port = https ? 443 : 80;
        if (portPart != null) {
            port = parsePort(portPart);
        }

        String host;
        List<InetAddress> addresses;
        if (hostPart.startsWith("[")) {
            InetAddress literal = parseIpv6Literal(hostPart.substring(1, hostPart.length() - 1));
            host = literal.getHostAddress();
            addresses = List.of(literal);
        } else {
            String name = hostPart.toLowerCase(Locale.ROOT);
            if (name.indexOf('%') >= 0) {
                throw invalid("percent-encoded host");
            }
            if (name.endsWith(".")) {
                name = name.substring(0, name.length() - 1);
            }
            if (name.isEmpty()) {
                throw invalid("no host");
            }
            if (endsInNumber(name)) {
                byte[] v4 = parseIpv4(name);
                if (v4 == null) {
                    throw invalid("host is neither an IPv4 address nor a DNS name: " + hostPart);
                }
                InetAddress literal = ipv4(v4);
                host = literal.getHostAddress();
                addresses = List.of(literal);
            } else {
                if (!isDnsName(name)) {
                    throw invalid("host is not a valid DNS name: " + hostPart);
                }
                host = name;
                try {
                    addresses = resolver.resolve(name);
                } catch (UnknownHostException e) {
                    throw new TargetRefused(TargetRefused.CONNECTION_ERROR, "host name does not resolve: " + name);
                } catch (RuntimeException e) {
                    throw new TargetRefused(TargetRefused.CONNECTION_ERROR, "host name lookup failed: " + name);
                }
                if (addresses == null || addresses.isEmpty()) {
                    throw new TargetRefused(TargetRefused.CONNECTION_ERROR, "host name has no address: " + name);
                }
            }
        }

        for (InetAddress address : addresses) {
            if (address == null || !allowed(address)) {
                // The partner gave the name, not what our resolver made of it: the internal address stays in our log.
                String resolved = address == null ? "no address" : address.getHostAddress();
                if (!resolved.equals(host)) {
                    LOG.infof("Webhook target %s refused: it resolves to %s", host, resolved);
                }
                throw new TargetRefused(TargetRefused.ADDRESS_NOT_ALLOWED, resolved.equals(host)
                        ? host + " is not a public address" : host + " resolves to an address that is not public");
            }
            if (!https && !address.isLoopbackAddress()) {
                throw invalid("http is only allowed to a loopback target, use https");
            }
        }

        // non-ASCII characters in path or query are percent-encoded (UTF-8) so the request line stays ASCII
        URI ascii;
        try {
            ascii = new URI(uri.toASCIIString());
        } catch (URISyntaxException e) {
            throw invalid("unparseable: " + e.getReason());
        }
        String path = ascii.getRawPath();
        String pathAndQuery = (path == null || path.isEmpty() ? "/" : path)
            + (ascii.getRawQuery() == null ? "" : "?" + ascii.getRawQuery());
        if (!pathAndQuery.startsWith("/")) {
            throw invalid("path must start with /");
        }
        return new VettedTarget(uri, host, addresses.get(0), port, https, pathAndQuery);
    }

    /** True if this single address may be contacted (the IP rules). */
    public boolean allowed(InetAddress address) {
        if (address instanceof Inet4Address) {
            return allowedIpv4(address.getAddress(), allowLoopbackHttp);
        }
        if (address instanceof Inet6Address v6) {
            if (v6.getScopeId() != 0 || v6.getScopedInterface() != null) {
                return false;
            }
            return allowedIpv6(v6.getAddress());
        }
        return false;
    }

    // ---------------------------------------------------------------- IP rules

    private boolean allowedIpv6(byte[] a) {
        if (a.length != 16) {
            return false;
        }
        // ::ffff:0:0/96, IPv4-mapped: the socket would go to the embedded IPv4 address (the JDK usually hands
        // these over as Inet4Address already; this covers any that were not canonicalised).
        if (allZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return allowedIpv4(slice(a, 12), allowLoopbackHttp);
        }
        // ::1 loopback
        if (allZero(a, 0, 15) && a[15] == 1) {
            return allowLoopbackHttp;
        }
        int first16 = ((a[0] & 0xff) << 8) | (a[1] & 0xff);
        int second16 = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
        // 64:ff9b::/96 NAT64: judged by the embedded IPv4 (a NAT64 route to loopback is never our own loopback).
        if (first16 == 0x0064 && second16 == 0xff9b && allZero(a, 4, 12)) {
            return allowedIpv4(slice(a, 12), false);
        }
        // 64:ff9b:1::/48 local-use NAT64 (RFC 8215): translates to anything, including private space.
        if (first16 == 0x0064 && second16 == 0xff9b) {
            return false;
        }
        // 2002::/16 6to4: judged by the embedded IPv4 in bits 16..47.
        if (first16 == 0x2002) {
            return allowedIpv4(slice(a, 2), false);
        }
        // Only global unicast 2000::/3 beyond this point; excludes ::/8 (unspecified, IPv4-compatible), 100::/64,
        // fc00::/7, fe80::/10, fec0::/10, ff00::/8 and every other unassigned block.
        if ((a[0] & 0xe0) != 0x20) {
            return false;
        }
        // 2001::/23 IETF protocol assignments (Teredo 2001::/32 embeds an obfuscated IPv4, ORCHID, AMT...).
        if (first16 == 0x2001 && (a[2] & 0xfe) == 0) {
            return false;
        }
        // 2001:db8::/32 documentation
        if (first16 == 0x2001 && second16 == 0x0db8) {
            return false;
        }
        // 3fff::/20 documentation (RFC 9637)
        if (first16 == 0x3fff && (a[2] & 0xf0) == 0) {
            return false;
        }
        return true;
    }

    private static boolean allowedIpv4(byte[] b, boolean allowLoopback) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 127) {
            return allowLoopback;                          // 127/8 loopback
        }
        if (a0 == 0) return false;                         // 0/8 "this network", 0.0.0.0
        if (a0 == 10) return false;                        // 10/8 RFC 1918
        if (a0 == 100 && (a1 & 0xc0) == 64) return false;  // 100.64/10 CGNAT
        if (a0 == 169 && a1 == 254) return false;          // 169.254/16 link-local, cloud metadata
        if (a0 == 172 && (a1 & 0xf0) == 16) return false;  // 172.16/12 RFC 1918
        if (a0 == 192 && a1 == 0 && a2 == 0) return false; // 192.0.0/24 IETF protocol assignments
        if (a0 == 192 && a1 == 0 && a2 == 2) return false; // 192.0.2/24 TEST-NET-1
        if (a0 == 192 && a1 == 88 && a2 == 99) return false; // 192.88.99/24 6to4 relay anycast
        if (a0 == 192 && a1 == 168) return false;          // 192.168/16 RFC 1918
        if (a0 == 198 && (a1 & 0xfe) == 18) return false;  // 198.18/15 benchmarking
        if (a0 == 198 && a1 == 51 && a2 == 100) return false; // 198.51.100/24 TEST-NET-2
        if (a0 == 203 && a1 == 0 && a2 == 113) return false;  // 203.0.113/24 TEST-NET-3
        if (a0 >= 224) return false;                       // 224/4 multicast, 240/4 reserved, 255.255.255.255
        return true;
    }

    // ---------------------------------------------------------------- host parsing

    private static int parsePort(String text) throws TargetRefused {
        if (text.isEmpty() || text.length() > 5) {
            throw invalid("bad port");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw invalid("bad port");
            }
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw invalid("port out of range");
        }
        return port;
    }

    private static InetAddress parseIpv6Literal(String literal) throws TargetRefused {
        if (literal.indexOf('%') >= 0) {
            throw invalid("IPv6 zone ids are not allowed");
        }
        if (literal.isEmpty() || literal.indexOf(':') < 0) {
            throw invalid("bad IPv6 literal");
        }
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!ok) {
                throw invalid("bad IPv6 literal");
            }
        }
        try {
            // A string containing ':' is always parsed as a literal by the JDK, never looked up.
            return InetAddress.getByName("[" + literal + "]");
        } catch (UnknownHostException e) {
            throw invalid("bad IPv6 literal");
        }
    }

    /** The WHATWG URL rule: a host whose last label is a number is an IPv4 address or nothing. */
    static boolean endsInNumber(String host) {
        int dot = host.lastIndexOf('.');
        String last = host.substring(dot + 1);
        if (last.isEmpty()) {
            return false;
        }
        if (last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        if (last.startsWith("0x")) {
            return last.substring(2).chars().allMatch(AddressGuard::isHex);
        }
        return false;
    }

    /**
     * inet_aton / WHATWG IPv4 parsing: 1 to 4 parts, each decimal, octal (leading 0) or hex (0x); the last part
     * fills the remaining bytes. Returns null when the text is not such an address.
     */
    static byte[] parseIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length == 0 || parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 40) {
                return null;
            }
            int radix = 10;
            String digits = p;
            if (p.startsWith("0x")) {
                radix = 16;
                digits = p.substring(2);
            } else if (p.length() > 1 && p.startsWith("0")) {
                radix = 8;
                digits = p.substring(1);
            }
            long v = 0;
            for (int k = 0; k < digits.length(); k++) {
                int d = Character.digit(digits.charAt(k), radix);
                if (d < 0 || (radix == 16 && !isHex(digits.charAt(k)))) {
                    return null;
                }
                v = v * radix + d;
                if (v > 0xffffffffL) {
                    return null;
                }
            }
            values[i] = v;
        }
        long result = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            result |= values[i] << (8 * (3 - i));
        }
        long last = values[values.length - 1];
        int remainingBytes = 4 - (values.length - 1);
        if (last >= (1L << (8 * remainingBytes))) {
            return null;
        }
        result |= last;
        return new byte[] {(byte) (result >>> 24), (byte) (result >>> 16), (byte) (result >>> 8), (byte) result};
    }

    /** LDH labels of 1..63 characters, not starting or ending with '-', 253 characters at most. */
    static boolean isDnsName(String host) {
        if (host.length() > 253) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes) throws TargetRefused {
        try {
            return InetAddress.getByAddress(bytes); // no lookup: built from raw bytes
        } catch (UnknownHostException e) {
            throw invalid("bad IPv4 address");
        }
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] a, int from) {
        return new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]};
    }

    private static TargetRefused invalid(String detail) {
        return new TargetRefused(TargetRefused.INVALID_URL, detail);
    }
}

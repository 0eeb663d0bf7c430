package com.partnerb2b.platform.ratelimit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;

/**
 * The address of the client behind a request. Proxies append the address they received the request
 * from to {@code X-Forwarded-For}, so only its right end is trustworthy: starting from the peer, each
 * trusted proxy's entry is skipped, and the first address that is not a trusted proxy is the client's.
 * What the caller itself wrote at the left end is never believed.
 */
@ApplicationScoped
public class ClientAddresses {

    private final List<Block> trustedProxies;

    public ClientAddresses(ClientAddressConfig config) {
        this.trustedProxies = config.trustedProxies().stream().map(Block::parse).toList();
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return resolve(peer, request.getHeader("X-Forwarded-For"));
    }

    /** The client's address, given the peer's address and the {@code X-Forwarded-For} it sent. */
    public String resolve(String peer, String forwardedFor) {
        String client = peer;
        if (forwardedFor == null) {
            return client;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0 && isTrustedProxy(client); i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                break;
            }
            client = hop;
        }
        return client;
    }

    private boolean isTrustedProxy(String address) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        return bytes != null && trustedProxies.stream().anyMatch(block -> block.contains(bytes));
    }

    /** An address block in CIDR notation (a bare address is a block of one). */
    private record Block(byte[] network, int prefixLength) {

        static Block parse(String text) {
            String[] parts = text.trim().split("/", 2);
            byte[] network = NetUtil.createByteArrayFromIpAddressString(parts[0]);
            if (network == null) {
                throw new IllegalArgumentException("Not an IP address or CIDR block: " + text);
            }
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in " + text);
            }
            return new Block(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = prefixLength;
            for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((address[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}

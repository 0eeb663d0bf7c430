package com.partnerb2b.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.ratelimit.ClientAddresses;

/** Which address a request is counted against, behind zero, one or several proxies. */
class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(() -> List.of("127.0.0.0/8", "::1", "10.1.0.0/16"));

    @Test
    void a_direct_caller_is_its_peer_address_whatever_it_writes_in_x_forwarded_for() {
        assertEquals("203.0.113.5", addresses.resolve("203.0.113.5", null));
        assertEquals("203.0.113.5", addresses.resolve("203.0.113.5", "198.51.100.1"));
    }

    @Test
    void behind_trusted_proxies_the_client_is_the_first_untrusted_hop_from_the_right() {
        assertEquals("198.51.100.1", addresses.resolve("127.0.0.1", "198.51.100.1"));
        assertEquals("198.51.100.1", addresses.resolve("::1", "198.51.100.1"));
        assertEquals("198.51.100.1", addresses.resolve("10.1.2.3", "198.51.100.1, 10.1.9.9"));
        // a caller that forges hops on the left is counted at the address the gateway saw
        assertEquals("198.51.100.1", addresses.resolve("127.0.0.1", "1.2.3.4, 5.6.7.8, 198.51.100.1"));
    }

    @Test
    void a_proxy_outside_the_trusted_blocks_is_not_believed() {
        assertEquals("10.2.0.1", addresses.resolve("10.2.0.1", "198.51.100.1"));
        assertEquals("10.2.0.1", addresses.resolve("127.0.0.1", "198.51.100.1, 10.2.0.1"));
    }

    @Test
    void odd_headers_do_not_break_it() {
        assertEquals("127.0.0.1", addresses.resolve("127.0.0.1", ""));
        assertEquals("127.0.0.1", addresses.resolve("127.0.0.1", "198.51.100.1, "));
        assertEquals("not-an-address", addresses.resolve("127.0.0.1", "not-an-address"));
    }
}

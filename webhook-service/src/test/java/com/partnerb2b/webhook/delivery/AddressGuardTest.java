package com.partnerb2b.webhook.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    private final TestResolver dns = new TestResolver()
        .with("public.test", "93.184.216.34")
        .with("public6.test", "2606:2800:220:1:248:1893:25c8:1946")
        .with("private.test", "10.0.0.5")
        .with("metadata.test", "169.254.169.254")
        .with("mixed.test", "93.184.216.34", "10.0.0.5")
        .with("mixed-reversed.test", "192.168.1.20", "93.184.216.34")
        .with("mixed6.test", "93.184.216.34", "fd00::1")
        .with("mapped.test", "::ffff:10.0.0.1")
        .with("loopback.test", "127.0.0.1")
        .with("localhost", "127.0.0.1", "::1")
        .with("local-and-private.test", "127.0.0.1", "10.0.0.1")
        .with("nat64.test", "64:ff9b::a9fe:a9fe");

    private final AddressGuard guard = new AddressGuard(dns, false);
    private final AddressGuard localGuard = new AddressGuard(dns, true);

    private static TargetRefused refused(AddressGuard guard, String url) {
        return assertThrows(TargetRefused.class, () -> guard.vet(url), url);
    }

    // ------------------------------------------------------------ each forbidden class, as an https literal

    @ParameterizedTest
    @ValueSource(strings = {
        // loopback
        "https://127.0.0.1/", "https://127.255.255.254/", "https://[::1]/",
        // RFC 1918
        "https://10.0.0.1/", "https://10.255.255.255/", "https://172.16.0.1/", "https://172.31.255.255/", "https://192.168.1.1/",
        // link-local, cloud metadata
        "https://169.254.169.254/latest/meta-data/", "https://169.254.0.1/",
        // CGNAT
        "https://100.64.0.1/", "https://100.127.255.255/",
        // unspecified, "this network"
        "https://0.0.0.0/", "https://0.1.2.3/", "https://[::]/",
        // multicast, broadcast, reserved
        "https://224.0.0.1/", "https://239.255.255.250/", "https://255.255.255.255/", "https://240.0.0.1/", "https://[ff02::1]/", "https://[ff0e::1]/",
        // benchmark, 6to4 relay, documentation, IETF protocol assignments
        "https://198.18.0.1/", "https://198.19.255.255/", "https://192.88.99.1/", "https://192.0.2.1/", "https://198.51.100.7/",
        "https://203.0.113.9/", "https://192.0.0.8/",
        // IPv6 ::/8 including IPv4-compatible forms (even of a public address)
        "https://[::127.0.0.1]/", "https://[::a00:1]/", "https://[::8.8.8.8]/", "https://[::2]/",
        // unique local, link-local, site-local, discard-only, documentation, Teredo
        "https://[fc00::1]/", "https://[fd12:3456::1]/", "https://[fe80::1]/", "https://[febf::1]/", "https://[fec0::1]/",
        "https://[100::1]/", "https://[2001:db8::1]/", "https://[2001::1]/",
        // IPv4-mapped, judged as the embedded IPv4 (dotted and hex forms)
        "https://[::ffff:127.0.0.1]/", "https://[::ffff:7f00:1]/", "https://[0:0:0:0:0:ffff:127.0.0.1]/",
        "https://[::ffff:10.0.0.1]/", "https://[::ffff:a9fe:a9fe]/", "https://[::FFFF:192.168.0.1]/",
        // 6to4 and NAT64 with a forbidden embedded IPv4
        "https://[2002:7f00:1::]/", "https://[2002:a9fe:a9fe::1]/", "https://[2002:a00:1::]/", "https://[2002:c0a8:101::]/",
        "https://[64:ff9b::a9fe:a9fe]/", "https://[64:ff9b::127.0.0.1]/", "https://[64:ff9b::10.0.0.1]/", "https://[64:ff9b:1::1]/",
        // odd IPv4 literal forms browsers and inet_aton accept
        "https://0x7f000001/", "https://2130706433/", "https://017700000001/", "https://0x7f.1/", "https://127.1/", "https://0x7F.0.0.1/",
        "https://0177.0.0.1/", "https://127.0.0.1./", "https://0x7f000001./", "https://127.000.000.001/", "https://0X7F000001/",
        "https://0xa9.0xfe.0xa9.0xfe/", "https://2852039166/", "https://0xA9FEA9FE/", "https://169.254.43518/", "https://10.1/",
        "https://167772161/", "https://0/", "https://0x0/", "https://3232235777/", "https://0xc0.0xa8.0x01.0x01/", "https://2130706433:8443/x",
    })
    void refusesEachForbiddenClassAndLiteralForm(String url) {
        TargetRefused e = refused(guard, url);
        assertEquals(TargetRefused.ADDRESS_NOT_ALLOWED, e.reason(), e.getMessage());
        assertTrue(dns.questions.isEmpty(), "an IP literal is never sent to the resolver: " + dns.questions);
    }

    /** The issue's list, literally, with http: refused without local mode, and by address in local mode unless truly loopback. */
    @ParameterizedTest
    @ValueSource(strings = {
        "http://0x7f000001/", "http://2130706433/", "http://017700000001/", "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]/", "http://[::127.0.0.1]/", "http://[2002:7f00:1::]/", "http://[64:ff9b::a9fe:a9fe]/",
    })
    void refusesTheIssueLiterals(String url) {
        refused(guard, url);
        refused(guard, url.replace("http://", "https://"));
        assertEquals(TargetRefused.ADDRESS_NOT_ALLOWED, refused(guard, url.replace("http://", "https://")).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::127.0.0.1]/", "http://[2002:7f00:1::]/", "http://[64:ff9b::a9fe:a9fe]/",
        "http://[64:ff9b::127.0.0.1]/", "http://10.0.0.1/", "http://169.254.169.254/", "http://0.0.0.0/", "http://[::]/"})
    void localModeStillRefusesWhatIsNotRealLoopback(String url) {
        assertEquals(TargetRefused.ADDRESS_NOT_ALLOWED, refused(localGuard, url).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://0x7f000001/", "http://2130706433/", "http://017700000001/", "http://0x7f.1/", "http://127.1/",
        "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/"})
    void oddLoopbackFormsAreParsedAsLoopback(String url) throws TargetRefused {
        VettedTarget t = localGuard.vet(url);
        assertEquals("127.0.0.1", t.address().getHostAddress());
        assertEquals("127.0.0.1", t.host());
        assertEquals(80, t.port());
    }

    // ------------------------------------------------------------ host names

    @Test
    void refusesAHostNameResolvingToAPrivateAddress() {
        TargetRefused e = refused(guard, "https://private.test/hook");
        assertEquals(TargetRefused.ADDRESS_NOT_ALLOWED, e.reason());
        // Shown to the partner: what our resolver made of the name is not.
        assertEquals("private.test resolves to an address that is not public", e.detail());
        assertEquals("10.0.0.5 is not a public address", refused(guard, "https://10.0.0.5/hook").detail());
        assertEquals(TargetRefused.ADDRESS_NOT_ALLOWED, refused(guard, "https://metadata.test/").reason());
        assertEquals(TargetRefused.ADDRESS_NOT_ALLOWED, refused(guard, "https://mapped.test/").reason());
        assertEquals(TargetRefused.ADDRESS_NOT_ALLOWED, refused(guard, "https://nat64.test/").reason());
        assertEquals(TargetRefused.ADDRESS_NOT_ALLOWED, refused(guard, "https://loopback.test/").reason());
    }

    @Test
    void refusesAHostNameResolvingToOnePublicAndOnePrivateAddress() {
        assertEquals(TargetRefused.ADDRESS_NOT_ALLOWED, refused(guard, "https://mixed.test/").reason());
        assertEquals(TargetRefused.ADDRESS_NOT_ALLOWED, refused(guard, "https://mixed-reversed.test/").reason());
        assertEquals(TargetRefused.ADDRESS_NOT_ALLOWED, refused(guard, "https://mixed6.test/").reason());
        assertEquals(TargetRefused.ADDRESS_NOT_ALLOWED, refused(localGuard, "http://local-and-private.test/").reason());
    }

    @Test
    void anUnknownHostIsAConnectionError() {
        assertEquals(TargetRefused.CONNECTION_ERROR, refused(guard, "https://nowhere.test/").reason());
    }

    @Test
    void vetsAPublicHostNameAndKeepsTheAddressToDial() throws TargetRefused {
        VettedTarget t = guard.vet("https://PUBLIC.test.:8443/hooks/a%20b?x=1&y=%2F#fragment");
        assertEquals("public.test", t.host());
        assertEquals("93.184.216.34", t.address().getHostAddress());
        assertEquals(8443, t.port());
        assertTrue(t.https());
        assertEquals("/hooks/a%20b?x=1&y=%2F", t.pathAndQuery());
        assertEquals("public.test:8443", t.hostHeader());
        assertFalse(t.hostIsIpLiteral());
        assertEquals(java.util.List.of("public.test"), dns.questions);

        VettedTarget plain = guard.vet("https://public.test");
        assertEquals(443, plain.port());
        assertEquals("/", plain.pathAndQuery());
        assertEquals("public.test", plain.hostHeader());

        assertEquals("/%C3%A9t%C3%A9?q=%C3%BC&r=%20", guard.vet("https://public.test/été?q=ü&r=%20").pathAndQuery());

        VettedTarget v6 = guard.vet("https://public6.test/x");
        assertTrue(v6.address() instanceof Inet6Address);
    }

    @Test
    void vetsPublicIpLiteralsInAnyForm() throws TargetRefused {
        assertEquals("8.8.8.8", guard.vet("https://8.8.8.8/").address().getHostAddress());
        VettedTarget decimal = guard.vet("https://134744072/");
        assertEquals("8.8.8.8", decimal.address().getHostAddress());
        assertEquals("8.8.8.8", decimal.host());
        assertTrue(decimal.hostIsIpLiteral());
        VettedTarget v6 = guard.vet("https://[2606:4700:4700::1111]:8443/");
        assertEquals("[2606:4700:4700:0:0:0:0:1111]:8443", v6.hostHeader());
        assertTrue(guard.vet("https://[2002:808:808::1]/").address() instanceof Inet6Address); // 6to4 of a public IPv4
        assertTrue(guard.vet("https://[64:ff9b::808:808]/").address() instanceof Inet6Address); // NAT64 of a public IPv4
        assertTrue(dns.questions.isEmpty());
    }

    @Test
    void localModeAllowsLoopbackOverHttpOnly() throws TargetRefused {
        assertEquals("127.0.0.1", localGuard.vet("http://127.0.0.1:8080/x").address().getHostAddress());
        assertTrue(localGuard.vet("http://[::1]:8080/").address().isLoopbackAddress());
        VettedTarget named = localGuard.vet("http://localhost:9000/hook");
        assertTrue(named.address().isLoopbackAddress());
        assertEquals("localhost:9000", named.hostHeader());
        assertTrue(localGuard.vet("https://127.0.0.1/").https());
        // http to a public host stays refused even in local mode
        assertEquals(TargetRefused.INVALID_URL, refused(localGuard, "http://public.test/").reason());
        // https to a public host is fine in local mode too
        assertEquals("public.test", localGuard.vet("https://public.test/").host());
    }

    // ------------------------------------------------------------ malformed URLs

    @ParameterizedTest
    @ValueSource(strings = {
        "not a url", "/relative/path", "public.test/hook", "ftp://public.test/", "file:///etc/passwd", "mailto:a@public.test",
        "javascript:alert(1)", "http://public.test/", "https://user:pass@public.test/", "https://user@public.test/",
        "https://@public.test/", "https:///path", "https://", "https://[fe80::1%25eth0]/", "https://[::1%lo]/", "https://[::1/",
        "https://[zz::1]/", "https://[127.0.0.1]/", "https://1.2.3.4.5/", "https://256.1.1.1/", "https://1.2.3.256/",
        "https://08.1.1.1/", "https://4294967296/", "https://1.16777216/", "https://under_score.test/",
        "https://-bad.test/", "https://bad-.test/", "https://a..b/", "https://exa%41mple.test/", "https://public.test:0/",
        "https://public.test:65536/", "https://public.test:/", "https://public.test:80:80/", "https://public.test:8o/",
        "https://é.test/", "https://public.test\\@evil.test/", "https://public.test /", "https://..", "https://./",
    })
    void refusesMalformedUrls(String url) {
        assertEquals(TargetRefused.INVALID_URL, refused(guard, url).reason());
    }

    @Test
    void refusesNullEmptyAndOverlongUrls() {
        assertEquals(TargetRefused.INVALID_URL, refused(guard, null).reason());
        assertEquals(TargetRefused.INVALID_URL, refused(guard, "").reason());
        String base = "https://public.test/";
        String exactly2048 = base + "a".repeat(2048 - base.length());
        assertEquals(2048, exactly2048.length());
        assertEquals("public.test", assertDoesNotThrow(exactly2048).host());
        assertEquals(TargetRefused.INVALID_URL, refused(guard, exactly2048 + "a").reason());
    }

    private VettedTarget assertDoesNotThrow(String url) {
        try {
            return guard.vet(url);
        } catch (TargetRefused e) {
            throw new AssertionError(url + " refused: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------ single addresses

    @Test
    void judgesSingleAddresses() throws Exception {
        assertTrue(guard.allowed(TestResolver.address(null, "93.184.216.34")));
        assertFalse(guard.allowed(TestResolver.address(null, "127.0.0.1")));
        assertTrue(localGuard.allowed(TestResolver.address(null, "127.0.0.1")));
        assertTrue(localGuard.allowed(TestResolver.address(null, "::1")));
        assertFalse(localGuard.allowed(TestResolver.address(null, "10.0.0.1")));
        assertFalse(guard.allowed(null));
        // a scoped IPv6 address (zone id) is never allowed, even if global
        byte[] global = TestResolver.address(null, "2606:4700:4700::1111").getAddress();
        assertFalse(guard.allowed(Inet6Address.getByAddress(null, global, 1)));
        assertTrue(guard.allowed(InetAddress.getByAddress(global)));
        // IPv4-mapped given as raw 16 bytes is judged as the embedded IPv4
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        mapped[14] = (byte) 169;
        mapped[15] = (byte) 254;
        assertFalse(guard.allowed(InetAddress.getByAddress(mapped)));
    }

    @Test
    void parsesIpv4LiteralsLikeABrowser() {
        assertArrayEquals(new int[] {127, 0, 0, 1}, AddressGuard.parseIpv4("0x7f000001"));
        assertArrayEquals(new int[] {127, 0, 0, 1}, AddressGuard.parseIpv4("2130706433"));
        assertArrayEquals(new int[] {127, 0, 0, 1}, AddressGuard.parseIpv4("017700000001"));
        assertArrayEquals(new int[] {127, 0, 0, 1}, AddressGuard.parseIpv4("0x7f.1"));
        assertArrayEquals(new int[] {127, 0, 0, 1}, AddressGuard.parseIpv4("127.1"));
        assertArrayEquals(new int[] {127, 0, 0, 1}, AddressGuard.parseIpv4("127.0.1"));
        assertArrayEquals(new int[] {10, 0, 1, 2}, AddressGuard.parseIpv4("012.0.0x1.2"));
        assertEquals(null, AddressGuard.parseIpv4("1.2.3.4.5"));
        assertEquals(null, AddressGuard.parseIpv4("09"));
        assertEquals(null, AddressGuard.parseIpv4("1..2"));
        assertTrue(AddressGuard.endsInNumber("example.0x10"));
        assertFalse(AddressGuard.endsInNumber("cafe.be"));
    }

    private static void assertArrayEquals(int[] expected, byte[] actual) {
        assertTrue(actual != null, "parsed");
        int[] unsigned = new int[actual.length];
        for (int i = 0; i < actual.length; i++) {
            unsigned[i] = actual[i] & 0xff;
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, unsigned);
    }
}

package com.partnerb2b.webhook.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https to a loopback receiver whose self-signed certificate (made by the JDK's keytool) names partner.test:
 * the sender dials the vetted 127.0.0.1 yet sends SNI and Host = partner.test, and checks the certificate
 * against that name.
 */
class WebhookSenderTlsTest {

    private static final String PASSWORD = "changeit-test";

    @TempDir
    static Path dir;

    private static Vertx vertx;
    private static HttpServer server;
    private static int port;
    private static PemTrustOptions trust;
    private static final List<String> sniSeen = new CopyOnWriteArrayList<>();
    private static final List<String> hostSeen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("partner.p12");
        Path cert = dir.resolve("partner.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "partner", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=partner.test",
            "-ext", "SAN=dns:partner.test,ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
            "-storepass", PASSWORD, "-keypass", PASSWORD);
        run(keytool, "-exportcert", "-alias", "partner", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-rfc",
            "-file", cert.toString());
        trust = new PemTrustOptions().addCertPath(cert.toString());

        vertx = Vertx.vertx();
        server = vertx.createHttpServer(new HttpServerOptions()
                .setHost("127.0.0.1").setPort(0).setSsl(true).setSni(true)
                .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword(PASSWORD)))
            .requestHandler(req -> {
                sniSeen.add(String.valueOf(req.connection().indicatedServerName()));
                hostSeen.add(req.getHeader("Host"));
                req.body().onComplete(b -> req.response().setStatusCode(200).end("secure"));
            });
        server = server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool timed out");
        assertEquals(0, p.exitValue(), out);
    }

    @AfterAll
    static void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static VettedTarget vet(String host) throws TargetRefused {
        AddressGuard guard = new AddressGuard(new TestResolver().with(host, "127.0.0.1"), true);
        return guard.vet("https://" + host + ":" + port + "/hook");
    }

    @Test
    void sendsSniAndHostOfTheOriginalNameToTheVettedAddress() throws Exception {
        WebhookSender sender = new WebhookSender(vertx, ConnectPolicy.loopbackOnly(), Duration.ofSeconds(3), Duration.ofSeconds(5), "ua", trust);
        try {
            VettedTarget target = vet("partner.test");
            assertTrue(target.https());
            AttemptResult result = sender.send(target, Map.of("webhook-id", "msg_tls"), "{}").await().atMost(Duration.ofSeconds(10));
            assertTrue(result.delivered(), result.toString());
            assertEquals("secure", result.responseExcerpt());
            assertEquals("partner.test", sniSeen.get(sniSeen.size() - 1));
            assertEquals("partner.test:" + port, hostSeen.get(hostSeen.size() - 1));
        } finally {
            sender.close();
        }
    }

    @Test
    void sendsNoSniForAnIpLiteralHost() throws Exception {
        WebhookSender sender = new WebhookSender(vertx, ConnectPolicy.loopbackOnly(), Duration.ofSeconds(3), Duration.ofSeconds(5), "ua", trust);
        try {
            AddressGuard guard = new AddressGuard(new TestResolver(), true);
            VettedTarget target = guard.vet("https://2130706433:" + port + "/hook"); // 127.0.0.1 in decimal
            assertEquals("127.0.0.1", target.host());
            AttemptResult result = sender.send(target, Map.of(), "{}").await().atMost(Duration.ofSeconds(10));
            assertTrue(result.delivered(), result.toString());
            assertEquals("null", sniSeen.get(sniSeen.size() - 1), "RFC 6066: no IP address in SNI");
            assertEquals("127.0.0.1:" + port, hostSeen.get(hostSeen.size() - 1));
        } finally {
            sender.close();
        }
    }

    @Test
    void aCertificateForAnotherNameIsATlsError() throws Exception {
        WebhookSender sender = new WebhookSender(vertx, ConnectPolicy.loopbackOnly(), Duration.ofSeconds(3), Duration.ofSeconds(5), "ua", trust);
        try {
            AttemptResult result = sender.send(vet("other.test"), Map.of(), "{}").await().atMost(Duration.ofSeconds(10));
            assertNull(result.httpStatus());
            assertFalse(result.delivered());
            assertNotNull(result.error());
            assertTrue(result.error().startsWith("TLS error") && result.error().contains("other.test"), result.error());
        } finally {
            sender.close();
        }
    }

    @Test
    void anUntrustedCertificateIsATlsError() throws Exception {
        WebhookSender sender = new WebhookSender(vertx, ConnectPolicy.loopbackOnly(), Duration.ofSeconds(3), Duration.ofSeconds(5), "ua");
        try {
            AttemptResult result = sender.send(vet("partner.test"), Map.of(), "{}").await().atMost(Duration.ofSeconds(10));
            assertNull(result.httpStatus());
            assertFalse(result.delivered());
            assertNotNull(result.error());
            assertTrue(result.error().startsWith("TLS error") && result.error().contains("certification path"), result.error());
        } finally {
            sender.close();
        }
    }

    @Test
    void keytoolMadeTheFiles() {
        assertTrue(Files.exists(dir.resolve("partner.pem")));
    }
}

package com.partnerb2b.webhook.delivery;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signatures checked by the official Standard Webhooks Java library, as a partner's receiver would. */
class WebhookSignatureTest {

    private static final String BODY = "{\"type\":\"analysis.completed\",\"timestamp\":\"2026-11-25T18:00:00Z\","
        + "\"data\":{\"pk\":42,\"status\":\"COMPLETED\",\"score\":612,\"decision\":\"APPROVE\",\"note\":\"é ü €\"}}";

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
            "webhook-signature", List.of(signature));
    }

    @Test
    void newSecretsAreWhsecPrefixedBase64Of32RandomBytes() {
        String a = WebhookSignature.newSecret();
        String b = WebhookSignature.newSecret();
        assertTrue(a.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(a.substring(6)).length);
        assertEquals(32, WebhookSignature.key(a).length);
        assertNotEquals(a, b);
    }

    @Test
    void malformedOrEmptySecretsAreRefused() {
        for (String bad : new String[] {null, "", "   ", "whsec_", "whsec_!!!not-base64!!!", "whsec_c2hvcnQ=", "whsec_" + "A".repeat(200)}) {
            assertThrows(IllegalArgumentException.class, () -> WebhookSignature.key(bad), String.valueOf(bad));
        }
        String secret = WebhookSignature.newSecret();
        assertEquals(32, WebhookSignature.key(secret.substring(6)).length, "the prefix may be left out");
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.sign("msg_1", 1, BODY, List.of()));
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.sign("msg_1", 1, BODY, List.of("whsec_")));
    }

    @Test
    void matchesTheStandardWebhooksTestVector() {
        // the example published with the Standard Webhooks / Svix libraries
        String signature = WebhookSignature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}",
            List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    @Test
    void agreesWithTheOfficialLibrarysSigner() throws Exception {
        String secret = WebhookSignature.newSecret();
        long ts = Instant.now().getEpochSecond();
        assertEquals(new Webhook(secret).sign("msg_abc", ts, BODY), WebhookSignature.sign("msg_abc", ts, BODY, List.of(secret)));
    }

    @Test
    void ourSignatureVerifiesWithTheOfficialLibraryAndFailsAfterOneBodyByteChanges() {
        String secret = WebhookSignature.newSecret();
        String id = "msg_2fGk0aQ";
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(id, now, BODY, List.of(secret));
        assertTrue(signature.matches("v1,[A-Za-z0-9+/]{43}="), signature);

        assertDoesNotThrow(() -> new Webhook(secret).verify(BODY, headers(id, now, signature)));

        byte[] bytes = BODY.getBytes(StandardCharsets.UTF_8);
        bytes[10] ^= 1; // one byte of the body changes
        String tampered = new String(bytes, StandardCharsets.UTF_8);
        assertNotEquals(BODY, tampered);
        assertThrows(WebhookVerificationException.class, () -> new Webhook(secret).verify(tampered, headers(id, now, signature)));
        // and so does any change of id, timestamp or key
        assertThrows(WebhookVerificationException.class, () -> new Webhook(secret).verify(BODY, headers("msg_other", now, signature)));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(secret).verify(BODY, headers(id, now - 1, signature)));
        assertThrows(WebhookVerificationException.class,
            () -> new Webhook(WebhookSignature.newSecret()).verify(BODY, headers(id, now, signature)));
    }

    @Test
    void duringRotationEachSecretAloneVerifiesInEitherPosition() {
        String oldSecret = WebhookSignature.newSecret();
        String newSecret = WebhookSignature.newSecret();
        String id = "msg_rotation";
        long now = Instant.now().getEpochSecond();
        for (List<String> order : List.of(List.of(oldSecret, newSecret), List.of(newSecret, oldSecret))) {
            String signature = WebhookSignature.sign(id, now, BODY, order);
            String[] parts = signature.split(" ");
            assertEquals(2, parts.length, signature);
            assertTrue(parts[0].startsWith("v1,") && parts[1].startsWith("v1,"));
            for (String secret : List.of(oldSecret, newSecret)) {
                assertDoesNotThrow(() -> new Webhook(secret).verify(BODY, headers(id, now, signature)), "official library");
                assertDoesNotThrow(() -> WebhookVerifier.verify(secret, id, Long.toString(now), signature, BODY, Instant.now()), "ours");
            }
            assertThrows(WebhookVerificationException.class,
                () -> new Webhook(WebhookSignature.newSecret()).verify(BODY, headers(id, now, signature)));
        }
        // each signature of the pair is the one a single-secret signing gives
        String pair = WebhookSignature.sign(id, now, BODY, List.of(oldSecret, newSecret));
        assertEquals(WebhookSignature.sign(id, now, BODY, List.of(oldSecret)) + " " + WebhookSignature.sign(id, now, BODY, List.of(newSecret)), pair);
    }
}

package com.partnerb2b.webhook.delivery;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The helper partners run: each case below is a bug another implementation shipped. */
class WebhookVerifierTest {

    private static final String BODY = "{\"type\":\"analysis.completed\",\"data\":{\"pk\":7}}";
    private static final String ID = "msg_verifier";

    private final String secret = WebhookSignature.newSecret();
    private final Instant now = Instant.parse("2026-11-25T18:00:00Z");
    private final long ts = now.getEpochSecond();
    private final String good = WebhookSignature.sign(ID, ts, BODY, List.of(secret));
    private final String mac = good.substring(3);

    private void refuses(String secret, String timestamp, String signature, String body) {
        assertThrows(InvalidWebhook.class, () -> WebhookVerifier.verify(secret, ID, timestamp, signature, body, now),
            () -> "accepted: secret=" + secret + " ts=" + timestamp + " sig=" + signature);
    }

    @Test
    void acceptsAGoodSignature() {
        assertDoesNotThrow(() -> WebhookVerifier.verify(secret, ID, Long.toString(ts), good, BODY, now));
        // the prefix-less secret and a timestamp within the tolerance on either side
        assertDoesNotThrow(() -> WebhookVerifier.verify(secret.substring(6), ID, Long.toString(ts), good, BODY, now));
        assertDoesNotThrow(() -> WebhookVerifier.verify(secret, ID, Long.toString(ts), good, BODY, now.plusSeconds(300)));
        assertDoesNotThrow(() -> WebhookVerifier.verify(secret, ID, Long.toString(ts), good, BODY, now.minusSeconds(300)));
    }

    @Test
    void acceptsAnotherVersionOnlyBesideAValidV1() {
        assertDoesNotThrow(() -> WebhookVerifier.verify(secret, ID, Long.toString(ts), "v2," + mac + " " + good, BODY, now));
        assertDoesNotThrow(() -> WebhookVerifier.verify(secret, ID, Long.toString(ts), "v1,AAAA " + good, BODY, now));
        assertDoesNotThrow(() -> WebhookVerifier.verify(secret, ID, Long.toString(ts), good + "  v1a,xyz", BODY, now));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1,", "v1", "v1, ", ",", "", " ", "v1,=", "v1,===="})
    void refusesABareOrEmptySignature(String signature) {
        refuses(secret, Long.toString(ts), signature, BODY);
    }

    @Test
    void refusesTruncatedSignatures() {
        refuses(secret, Long.toString(ts), "v1," + mac.substring(0, mac.length() - 1), BODY);
        refuses(secret, Long.toString(ts), "v1," + mac.substring(0, mac.length() - 4), BODY);
        refuses(secret, Long.toString(ts), "v1," + mac.substring(0, 8), BODY);
        refuses(secret, Long.toString(ts), "v1," + mac.substring(0, 1), BODY);
        // a prefix of the true MAC, re-padded so it still decodes
        byte[] raw = Base64.getDecoder().decode(mac);
        byte[] half = java.util.Arrays.copyOf(raw, 16);
        refuses(secret, Long.toString(ts), "v1," + Base64.getEncoder().encodeToString(half), BODY);
        // and a longer value that starts with the true MAC
        byte[] longer = java.util.Arrays.copyOf(raw, 33);
        refuses(secret, Long.toString(ts), "v1," + Base64.getEncoder().encodeToString(longer), BODY);
    }

    @Test
    void refusesNonBase64Values() {
        refuses(secret, Long.toString(ts), "v1," + "!".repeat(43) + "=", BODY);
        refuses(secret, Long.toString(ts), "v1," + mac.replace('+', '-').replace('/', '_').replace("=", "*"), BODY);
        refuses(secret, Long.toString(ts), "v1,not base64 at all", BODY);
    }

    @Test
    void refusesOtherVersionsAlone() {
        refuses(secret, Long.toString(ts), "v2," + mac, BODY);
        refuses(secret, Long.toString(ts), "v1a," + mac, BODY);
        refuses(secret, Long.toString(ts), "V1," + mac, BODY);
        refuses(secret, Long.toString(ts), mac, BODY);
    }

    @Test
    void refusesAnEmptyOrMalformedSecret() {
        refuses("", Long.toString(ts), good, BODY);
        refuses(null, Long.toString(ts), good, BODY);
        refuses("whsec_", Long.toString(ts), good, BODY);
        refuses("whsec_!!!", Long.toString(ts), good, BODY);
        // a too-short key is refused even with a signature made with that very key
        byte[] shortKey = {1, 2, 3};
        refuses("whsec_" + Base64.getEncoder().encodeToString(shortKey), Long.toString(ts),
            "v1," + Base64.getEncoder().encodeToString(WebhookSignature.hmac(shortKey, ID, ts, BODY)), BODY);
    }

    @Test
    void refusesATimestampMoreThanFiveMinutesInThePastOrInTheFuture() {
        String old = Long.toString(ts - 301);
        refuses(secret, old, WebhookSignature.sign(ID, ts - 301, BODY, List.of(secret)), BODY);
        String future = Long.toString(ts + 301);
        refuses(secret, future, WebhookSignature.sign(ID, ts + 301, BODY, List.of(secret)), BODY);
        refuses(secret, Long.toString(ts + 86_400 * 365), WebhookSignature.sign(ID, ts + 86_400 * 365, BODY, List.of(secret)), BODY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-1", "+1764093600", "1764093600.5", "1e9", " 1764093600", "99999999999999999999"})
    void refusesMalformedTimestamps(String timestamp) {
        refuses(secret, timestamp, good, BODY);
    }

    @Test
    void refusesAChangedBodyIdOrKey() {
        refuses(secret, Long.toString(ts), good, BODY + " ");
        refuses(WebhookSignature.newSecret(), Long.toString(ts), good, BODY);
        assertThrows(InvalidWebhook.class, () -> WebhookVerifier.verify(secret, "msg_other", Long.toString(ts), good, BODY, now));
        assertThrows(InvalidWebhook.class, () -> WebhookVerifier.verify(secret, "", Long.toString(ts), good, BODY, now));
        assertThrows(InvalidWebhook.class, () -> WebhookVerifier.verify(secret, ID, Long.toString(ts), good, null, now));
        assertThrows(InvalidWebhook.class, () -> WebhookVerifier.verify(secret, ID, Long.toString(ts), null, BODY, now));
    }
}

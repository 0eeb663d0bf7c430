package com.partnerb2b.webhook.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing (symmetric v1): receivers can check with any Standard Webhooks library that a
 * delivery comes from us, was not altered, and is recent. During a secret rotation every active secret signs, so
 * a receiver holding either the old or the new secret accepts the delivery.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    /** The Standard Webhooks bounds for a symmetric key. */
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** "whsec_" + base64(32 random bytes). */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Decodes whsec_... (the prefix may be left out, as partners sometimes paste it); IllegalArgumentException if malformed/empty. */
    public static byte[] key(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("empty secret");
        }
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        if (encoded.isEmpty()) {
            throw new IllegalArgumentException("empty secret");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret is not base64");
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("secret must decode to " + MIN_KEY_BYTES + ".." + MAX_KEY_BYTES + " bytes");
        }
        return key;
    }

    /** "v1,&lt;base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)&gt;", one per secret, space-separated, in the given order. */
    public static String sign(String webhookId, long timestampSeconds, String body, List<String> secrets) {
        if (webhookId == null || webhookId.isEmpty() || body == null) {
            throw new IllegalArgumentException("webhook id and body are required");
        }
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is required");
        }
        StringBuilder header = new StringBuilder();
        for (String secret : secrets) {
            if (header.length() > 0) {
                header.append(' ');
            }
            header.append("v1,").append(Base64.getEncoder().encodeToString(hmac(key(secret), webhookId, timestampSeconds, body)));
        }
        return header.toString();
    }

    static byte[] hmac(byte[] key, String webhookId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((webhookId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

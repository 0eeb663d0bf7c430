package com.partnerb2b.webhook.delivery;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The verification partners run (the README shows it). Written to refuse what other implementations were
 * caught accepting: a bare {@code v1,}, a truncated or non-base64 signature, only another version ({@code v2,…}),
 * an empty secret, and a timestamp too far in the past <em>or in the future</em> (a future timestamp would let a
 * captured delivery be replayed for longer). The comparison is constant-time on the decoded MAC.
 */
public final class WebhookVerifier {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final int MAC_BYTES = 32;
    private static final int MAX_SIGNATURES = 16;

    private WebhookVerifier() {
    }

    /**
     * @param secret           the endpoint's secret, {@code whsec_...}
     * @param webhookId        the {@code webhook-id} header
     * @param webhookTimestamp the {@code webhook-timestamp} header (Unix seconds)
     * @param webhookSignature the {@code webhook-signature} header (one or more space-separated {@code v1,<base64>})
     * @param body             the raw request body exactly as received, before any JSON parsing
     * @param now              the receiver's clock
     * @throws InvalidWebhook  if the delivery must be rejected
     */
    public static void verify(String secret, String webhookId, String webhookTimestamp, String webhookSignature,
                              String body, Instant now) throws InvalidWebhook {
        byte[] key;
        try {
            key = WebhookSignature.key(secret);
        } catch (IllegalArgumentException e) {
            throw new InvalidWebhook("invalid secret");
        }
        if (webhookId == null || webhookId.isEmpty()) {
            throw new InvalidWebhook("missing webhook-id");
        }
        if (body == null) {
            throw new InvalidWebhook("missing body");
        }
        if (now == null) {
            throw new InvalidWebhook("no current time");
        }
        long timestamp = parseTimestamp(webhookTimestamp);
        long skew = now.getEpochSecond() - timestamp;
        if (skew > TOLERANCE.toSeconds()) {
            throw new InvalidWebhook("timestamp too old");
        }
        if (skew < -TOLERANCE.toSeconds()) {
            throw new InvalidWebhook("timestamp too far in the future");
        }
        if (webhookSignature == null || webhookSignature.isBlank()) {
            throw new InvalidWebhook("missing webhook-signature");
        }
        byte[] expected = WebhookSignature.hmac(key, webhookId, timestamp, body);
        String[] candidates = webhookSignature.trim().split(" +");
        if (candidates.length > MAX_SIGNATURES) {
            throw new InvalidWebhook("too many signatures");
        }
        boolean match = false;
        for (String candidate : candidates) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue; // unknown versions are ignored, never trusted
            }
            String value = candidate.substring(comma + 1);
            if (value.isEmpty() || value.length() != 44 || !value.endsWith("=")) {
                continue; // a 32-byte MAC is exactly 44 base64 characters; anything else is truncated or padded
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                continue;
            }
            // no early exit: every candidate is compared, in constant time for equal lengths
            match |= given.length == MAC_BYTES && MessageDigest.isEqual(given, expected);
        }
        if (!match) {
            throw new InvalidWebhook("no matching signature");
        }
    }

    private static long parseTimestamp(String text) throws InvalidWebhook {
        if (text == null || text.isEmpty() || text.length() > 12) {
            throw new InvalidWebhook("invalid webhook-timestamp");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw new InvalidWebhook("invalid webhook-timestamp");
            }
        }
        return Long.parseLong(text);
    }
}

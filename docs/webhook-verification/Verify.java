import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a PartnerB2B webhook delivery (Standard Webhooks, v1 = HMAC-SHA256). JDK 11+, no dependency.
 *
 * <pre>java Verify.java &lt;secret&gt; &lt;webhook-id&gt; &lt;webhook-timestamp&gt; &lt;webhook-signature&gt; &lt;file with the raw body&gt;</pre>
 *
 * prints "valid" and exits 0, or prints why and exits 1.
 */
public class Verify {

    static final long TOLERANCE_SECONDS = 5 * 60;

    public static class InvalidWebhook extends Exception {
        public InvalidWebhook(String message) {
            super(message);
        }
    }

    /** Throws unless the delivery is authentic and recent. rawBody: the bytes received, before any JSON parsing. */
    public static void verify(String secret, Map<String, String> headers, byte[] rawBody, Instant now)
            throws InvalidWebhook, GeneralSecurityException {
        String id = headers.get("webhook-id");
        String timestamp = headers.get("webhook-timestamp");
        String signatures = headers.get("webhook-signature");
        if (id == null || id.isEmpty() || timestamp == null || signatures == null) {
            throw new InvalidWebhook("missing webhook-id, webhook-timestamp or webhook-signature");
        }
        if (!timestamp.matches("[0-9]{1,12}")) {
            throw new InvalidWebhook("invalid webhook-timestamp");
        }
        // Refused both ways: a timestamp in the future would let a captured delivery be replayed for longer.
        if (Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
            throw new InvalidWebhook("timestamp too old or too far in the future");
        }
        byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(rawBody);
        // One or more space-separated "v1,<base64>" (two during a secret rotation); other versions are ignored.
        for (String candidate : signatures.trim().split(" +")) {
            int comma = candidate.indexOf(',');
            String value = candidate.substring(comma + 1);
            if (comma < 0 || !candidate.substring(0, comma).equals("v1") || value.length() != 44) {
                continue;
            }
            try {
                if (MessageDigest.isEqual(Base64.getDecoder().decode(value), expected)) {
                    return;
                }
            } catch (IllegalArgumentException notBase64) {
                // not a signature of ours
            }
        }
        throw new InvalidWebhook("no matching signature");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> headers = Map.of("webhook-id", args[1], "webhook-timestamp", args[2], "webhook-signature", args[3]);
        try {
            verify(args[0], headers, Files.readAllBytes(Path.of(args[4])), Instant.now());
            System.out.println("valid");
        } catch (InvalidWebhook e) {
            System.out.println("invalid: " + e.getMessage());
            System.exit(1);
        }
    }
}

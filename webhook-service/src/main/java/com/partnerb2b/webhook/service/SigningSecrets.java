package com.partnerb2b.webhook.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.partnerb2b.platform.crypto.FieldCipher;
import com.partnerb2b.webhook.delivery.WebhookSignature;
import com.partnerb2b.webhook.repository.Endpoint;

/** An endpoint's signing secrets: made, sealed at rest, opened to sign, masked when shown. */
@ApplicationScoped
public class SigningSecrets {

    private static final Logger LOG = Logger.getLogger(SigningSecrets.class);
    private final FieldCipher cipher;

    public SigningSecrets(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** A new secret, sealed into the endpoint (the previous one, if any, is forgotten); returns it in clear. */
    public String replace(Endpoint endpoint) {
        String secret = WebhookSignature.newSecret();
        FieldCipher.Sealed sealed = cipher.seal(secret, context(endpoint.partnerId));
        endpoint.secretCipher = sealed.ciphertext();
        endpoint.secretKeyId = sealed.keyId();
        return secret;
    }

    /** Rotation: a new current secret; the old one signs beside it until {@code overlapUntil}. */
    public String rotate(Endpoint endpoint, Instant overlapUntil) {
        endpoint.previousSecretCipher = endpoint.secretCipher;
        endpoint.previousSecretKeyId = endpoint.secretKeyId;
        endpoint.previousSecretUntil = overlapUntil;
        return replace(endpoint);
    }

    /** What a view shows in place of a secret that cannot be opened here: the partner's way out is a rotation. */
    public static final String UNREADABLE = "unreadable: rotate the secret";

    /** The current secret in clear. @throws Unreadable when it cannot be opened here */
    public String current(Endpoint endpoint) {
        return open(endpoint.secretCipher, endpoint.secretKeyId, endpoint.partnerId);
    }

    /** The current secret as a view shows it: masked, or {@link #UNREADABLE}. */
    public String shown(Endpoint endpoint) {
        try {
            return masked(current(endpoint));
        } catch (Unreadable e) {
            return UNREADABLE;
        }
    }

    public List<String> signing(Endpoint endpoint, Instant now) {
        return signing(endpoint.partnerId, endpoint.secretCipher, endpoint.secretKeyId, endpoint.previousSecretCipher,
                endpoint.previousSecretKeyId, endpoint.previousSecretUntil, now);
    }

    /**
     * The secrets that sign now: the current one, and the previous one during a rotation if it still
     * opens (a rotation away from a secret that cannot be opened must restore delivery at once).
     *
     * @throws Unreadable when the current secret cannot be opened (its encryption key is no longer
     *         configured, or the stored ciphertext does not open with it)
     */
    public List<String> signing(UUID partnerId, byte[] current, String currentKeyId, byte[] previous, String previousKeyId,
            Instant previousUntil, Instant now) {
        List<String> secrets = new ArrayList<>();
        secrets.add(open(current, currentKeyId, partnerId));
        if (previous != null && previousUntil != null && previousUntil.isAfter(now)) {
            try {
                secrets.add(open(previous, previousKeyId, partnerId));
            } catch (Unreadable e) {
                LOG.warnf("The previous signing secret of partner %s's endpoint cannot be opened (%s): signed with the current one alone",
                        partnerId, e.getMessage());
            }
        }
        return secrets;
    }

    private String open(byte[] sealed, String keyId, UUID partnerId) {
        try {
            return cipher.openText(sealed, keyId, context(partnerId));
        } catch (IllegalStateException e) {
            throw new Unreadable(e.getMessage());
        }
    }

    /** An endpoint's secret that cannot be opened here: a fault of this deployment's keys, not of the partner. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String why) {
            super(why);
        }
    }

    /** What a listing shows: enough to recognise the secret, not to use it. */
    public static String masked(String secret) {
        return "whsec_…" + secret.substring(Math.max(secret.length() - 4, 0));
    }

    private static String context(UUID partnerId) {
        return "webhook-secret:" + partnerId;
    }
}

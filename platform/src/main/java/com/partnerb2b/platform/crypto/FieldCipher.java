package com.partnerb2b.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authenticated encryption at rest (AES-256-GCM). Each ciphertext is {@code iv || ciphertext+tag}
 * and is stored beside the id of the key that made it, so keys can rotate: new data uses the
 * current key, old data stays readable while its key is configured. The associated data binds a
 * ciphertext to its place (a row cannot be swapped for another's).
 */
@ApplicationScoped
public class FieldCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    public record Sealed(byte[] ciphertext, String keyId) {
    }

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param ring {@code partnerb2b.encryption.keys} ({@code PARTNERB2B_ENCRYPTION_KEYS}, a secret in
     *        production): {@code id:base64-of-32-bytes} entries, the first being the current key
     */
    public FieldCipher(@ConfigProperty(name = "partnerb2b.encryption.keys") Optional<List<String>> ring) {
        List<String> entries = ring.orElse(List.of());
        if (entries.isEmpty()) {
            throw new IllegalStateException("partnerb2b.encryption.keys is not configured");
        }
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            byte[] raw = colon <= 0 ? new byte[0] : Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            if (raw.length != 32) {
                throw new IllegalStateException("Each encryption key must be id:base64 of 32 bytes");
            }
            keys.put(entry.substring(0, colon).strip(), new SecretKeySpec(raw, "AES"));
        }
        this.currentKeyId = entries.get(0).substring(0, entries.get(0).indexOf(':')).strip();
    }

    public Sealed seal(byte[] plaintext, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] encrypted = cipher.doFinal(plaintext);
            return new Sealed(ByteBuffer.allocate(IV_BYTES + encrypted.length).put(iv).put(encrypted).array(), currentKeyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public Sealed seal(String plaintext, String context) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8), context);
    }

    public byte[] open(byte[] sealed, String keyId, String context) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Encryption key " + keyId + " is no longer configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed (wrong key or tampered data)", e);
        }
    }

    public String openText(byte[] sealed, String keyId, String context) {
        return new String(open(sealed, keyId, context), StandardCharsets.UTF_8);
    }
}

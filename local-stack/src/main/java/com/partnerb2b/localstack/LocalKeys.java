package com.partnerb2b.localstack;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The local token signing key pair: made once (ES256, P-256) and kept in the local folder, so that
 * tokens stay valid across restarts. {@code kid} is the key's RFC 7638 thumbprint.
 */
public final class LocalKeys {

    public record KeyFiles(Path signingKey, Path jwks, String keyId) {
    }

    private LocalKeys() {
    }

    public static KeyFiles ensure(Path dir) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        Path signingKey = dir.resolve("signing-key.pem");
        Path jwks = dir.resolve("jwks.json");
        Path keyId = dir.resolve("signing-key-id");
        if (!Files.exists(signingKey) || !Files.exists(jwks) || !Files.exists(keyId)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
            String x = coordinate(publicKey.getW().getAffineX());
            String y = coordinate(publicKey.getW().getAffineY());
            String kid = base64Url(MessageDigest.getInstance("SHA-256").digest(
                    ("{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}").getBytes(StandardCharsets.UTF_8)));

            ObjectMapper mapper = new ObjectMapper();
            ObjectNode jwk = mapper.createObjectNode().put("kty", "EC").put("crv", "P-256").put("x", x).put("y", y)
                    .put("use", "sig").put("alg", "ES256").put("kid", kid);
            ObjectNode document = mapper.createObjectNode();
            document.putArray("keys").add(jwk);

            writePrivate(signingKey, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            Files.writeString(jwks, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document));
            Files.writeString(keyId, kid);
        }
        return new KeyFiles(signingKey, jwks, Files.readString(keyId).strip());
    }

    static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions apply
        }
        Files.writeString(file, content);
    }

    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        if (bytes.length >= 32) {
            System.arraycopy(bytes, bytes.length - 32, fixed, 0, 32);
        } else {
            System.arraycopy(bytes, 0, fixed, 32 - bytes.length, bytes.length);
        }
        return base64Url(fixed);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(bytes, bytes.length));
    }
}

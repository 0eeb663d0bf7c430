package com.partnerb2b.auth;

import static com.partnerb2b.auth.TokenRefusalTest.unauthenticated;
import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.TestTokens;
import com.partnerb2b.platform.time.TimeSource;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** A token verified once is taken again without its signature check, but never past its exp, and only byte for byte. */
@QuarkusTest
class VerifiedTokenCacheTest {

    private static final String PROTECTED = "/admin/v1/partners/";

    @Test
    void a_remembered_token_is_refused_from_its_expiry_on() {
        Instant issuedAt = Instant.now();
        String token = operatorToken(issuedAt, Duration.ofMinutes(5));
        call(token).statusCode(200);
        call(token).statusCode(200);

        // The verifier itself follows the real clock, so only the remembered entry can refuse here.
        QuarkusMock.installMockForType(new MovableClock(issuedAt.plus(Duration.ofMinutes(5))), TimeSource.class);
        unauthenticated(call(token));
    }

    @Test
    void a_tampered_token_is_refused_while_the_genuine_one_is_remembered() {
        Instant issuedAt = Instant.now();
        String genuine = operatorToken(issuedAt, Duration.ofHours(1));
        call(genuine).statusCode(200);
        String[] parts = genuine.split("\\.");

        String otherSignature = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        unauthenticated(call(otherSignature));
        unauthenticated(call(parts[0] + "." + parts[1] + "."));
        unauthenticated(call(base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2]));
        String sameClaimsUntrustedKey = TestTokens.claims("operator", Set.of("operator"), issuedAt, Duration.ofHours(1))
                .claim("jti", claim(parts[1], "jti")).jws().keyId(TestTokens.KEY_ID).sign(TestTokens.untrustedKey());
        unauthenticated(call(sameClaimsUntrustedKey));
        String otherClaims = parts[0] + "." + base64(json(parts[1]).replace("operator", "0perator")) + "." + parts[2];
        unauthenticated(call(otherClaims));

        call(genuine).statusCode(200);
    }

    @Test
    void a_remembered_token_keeps_its_own_roles() {
        String partner = TestTokens.partner(UUID.randomUUID());
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(partner).get(PROTECTED).then().statusCode(403);
        }
    }

    private static String operatorToken(Instant issuedAt, Duration lifetime) {
        return TestTokens.claims("operator", Set.of("operator"), issuedAt, lifetime)
                .jws().keyId(TestTokens.KEY_ID).sign(TestTokens.testKey());
    }

    private static ValidatableResponse call(String token) {
        return given().header("Authorization", "Bearer " + token).get(PROTECTED).then();
    }

    private static String json(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String claim(String part, String name) {
        String text = json(part);
        int start = text.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return text.substring(start, text.indexOf('"', start));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

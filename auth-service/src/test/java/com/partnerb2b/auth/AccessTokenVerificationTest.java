package com.partnerb2b.auth;

import static com.partnerb2b.auth.TokenRefusalTest.unauthenticated;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.ResourceUtils;

/** What every service's offline verification refuses, shown on an operator endpoint. */
@QuarkusTest
class AccessTokenVerificationTest {

    private static final String PROTECTED = "/admin/v1/partners/";

    @Test
    void a_valid_operator_token_is_accepted() {
        call(TestTokens.operator()).statusCode(200);
    }

    @Test
    void tampered_payload_is_401() {
        String[] parts = TestTokens.access("someone", "partner").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"partner\"", "\"operator\"");
        String tampered = parts[0] + "." + base64(payload) + "." + parts[2];
        unauthenticated(call(tampered));
    }

    @Test
    void alg_none_is_401() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = TestTokens.operator().split("\\.")[1];
        unauthenticated(call(header + "." + payload + "."));
        unauthenticated(call(header + "." + payload));
    }

    @Test
    void hs256_signed_with_the_public_key_is_401() throws Exception {
        String publicJwks = ResourceUtils.readResource("partnerb2b-test/test-jwks.json");
        String token = TestTokens.claims("operator", Set.of("operator"), Instant.now(), Duration.ofHours(1))
                .jws().keyId(TestTokens.KEY_ID).algorithm(SignatureAlgorithm.HS256)
                .sign(new javax.crypto.spec.SecretKeySpec(publicJwks.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        unauthenticated(call(token));
    }

    @Test
    void token_signed_by_an_untrusted_key_is_401() {
        String token = TestTokens.claims("operator", Set.of("operator"), Instant.now(), Duration.ofHours(1))
                .jws().keyId(TestTokens.KEY_ID).algorithm(SignatureAlgorithm.ES256).sign(TestTokens.untrustedKey());
        unauthenticated(call(token));
    }

    @Test
    void wrong_issuer_is_401() {
        String token = TestTokens.claims("operator", Set.of("operator"), Instant.now(), Duration.ofHours(1))
                .issuer("https://evil.example").jws().keyId(TestTokens.KEY_ID).sign(TestTokens.testKey());
        unauthenticated(call(token));
    }

    @Test
    void wrong_audience_is_401() {
        String token = TestTokens.claims("operator", Set.of("operator"), Instant.now(), Duration.ofHours(1))
                .audience("partnerb2b-refresh").jws().keyId(TestTokens.KEY_ID).sign(TestTokens.testKey());
        unauthenticated(call(token));
    }

    @Test
    void expired_access_token_is_401() {
        String token = TestTokens.claims("operator", Set.of("operator"), Instant.now().minus(Duration.ofHours(3)),
                Duration.ofHours(1)).jws().keyId(TestTokens.KEY_ID).sign(TestTokens.testKey());
        unauthenticated(call(token));
    }

    @Test
    void garbage_and_missing_tokens_are_401() {
        unauthenticated(call("abc.def.ghi"));
        unauthenticated(given().get(PROTECTED).then());
    }

    @Test
    void partner_tokens_are_403_on_operator_endpoints() {
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).get(PROTECTED).then()
                .statusCode(403)
                .body("error.code", equalTo("not_allowed"))
                .body("error.message", equalTo("Not Allowed"));
        given().auth().oauth2(TestTokens.pendingPartner(UUID.randomUUID())).post(PROTECTED + UUID.randomUUID() + "/activate/")
                .then().statusCode(403);
    }

    private static ValidatableResponse call(String token) {
        return given().header("Authorization", "Bearer " + token).get(PROTECTED).then();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

package com.partnerb2b.auth;

import static com.partnerb2b.auth.AuthApi.activePartner;
import static com.partnerb2b.auth.AuthApi.token;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The token endpoint remembers a stored key for a moment (partnerb2b.auth.key-cache-lifetime, 1 s):
 * never a verdict on a secret, and never past a change made by another instance for longer than that.
 */
@QuarkusTest
class RememberedKeysTest {

    @Test
    void a_wrong_secret_is_refused_for_a_key_just_used_with_the_right_one() {
        AuthApi.PartnerWithKey partner = activePartner("Banque Memoire");
        token(partner.apiKey()).statusCode(200);
        String secret = partner.apiKey().substring(partner.apiKey().lastIndexOf('_') + 1);
        String wrong = partner.apiKey().substring(0, partner.apiKey().lastIndexOf('_') + 1)
                + (secret.charAt(0) == 'A' ? 'B' : 'A') + secret.substring(1);

        token(wrong).statusCode(401).body("error.code", equalTo("authentication_error"));
        token(partner.apiKey()).statusCode(200);
    }

    @Test
    void a_key_revoked_by_another_instance_stops_issuing_tokens_once_remembered_keys_expire() throws Exception {
        AuthApi.PartnerWithKey partner = activePartner("Banque Autre Instance");
        token(partner.apiKey()).statusCode(200);

        // What another auth-service instance's revocation leaves: the row changed, this instance not told.
        execute("UPDATE api_keys SET revoked_at = now() WHERE key_id = ?", partner.keyId());

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> token(partner.apiKey()).extract().statusCode() == 401);
        token(partner.apiKey()).statusCode(401);
    }

    @Test
    void a_partner_suspended_by_another_instance_is_refused_once_remembered_keys_expire() throws Exception {
        AuthApi.PartnerWithKey partner = activePartner("Banque Suspendue Ailleurs");
        token(partner.apiKey()).statusCode(200);

        execute("UPDATE partners SET status = 'suspended' WHERE id = ?::uuid", partner.partnerId());

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> token(partner.apiKey()).extract().statusCode() == 403);
        token(partner.apiKey()).statusCode(403).body("error.message", equalTo("Not Allowed"));
    }

    private static void execute(String sql, String argument) throws Exception {
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, argument);
            if (statement.executeUpdate() != 1) {
                throw new AssertionError("no row changed by " + sql);
            }
        }
    }
}

package com.partnerb2b.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ApiKeyStorageTest {

    @Test
    void the_clear_api_key_is_nowhere_in_the_database() throws Exception {
        AuthApi.PartnerWithKey partner = AuthApi.activePartner("Banque Stockage");
        String secret = partner.apiKey().substring(partner.apiKey().lastIndexOf('_') + 1);

        List<String> rowTexts = new ArrayList<>();
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT key_id, secret_hash, row_to_json(api_keys)::text FROM api_keys WHERE partner_id = ?::uuid")) {
            statement.setString(1, partner.partnerId());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    assertEquals(partner.keyId(), rs.getString(1));
                    assertEquals(32, rs.getBytes(2).length, "a SHA-256 hash");
                    assertFalse(new String(rs.getBytes(2), StandardCharsets.ISO_8859_1).contains(secret));
                    rowTexts.add(rs.getString(3));
                }
            }
        }
        assertEquals(1, rowTexts.size());
        assertFalse(rowTexts.get(0).contains(secret));
        assertFalse(rowTexts.get(0).contains(partner.apiKey()));
        assertTrue(rowTexts.get(0).contains(partner.keyId()));
    }
}

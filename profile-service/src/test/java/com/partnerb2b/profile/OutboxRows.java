package com.partnerb2b.profile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import com.partnerb2b.platform.test.PostgresTestResource;

/** The outbox rows of a profile, read from the service's database: what will be, or was, published. */
final class OutboxRows {

    private OutboxRows() {
    }

    /** Event ids of the profile's outbox rows, oldest first. */
    static List<String> eventIds(long profilePk) throws Exception {
        return ids("SELECT id FROM outbox_events WHERE message_key = ? ORDER BY created_at", profilePk);
    }

    static List<String> pendingEventIds(long profilePk) throws Exception {
        return ids("SELECT id FROM outbox_events WHERE message_key = ? AND published_at IS NULL ORDER BY created_at", profilePk);
    }

    private static List<String> ids(String sql, long profilePk) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, String.valueOf(profilePk));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}

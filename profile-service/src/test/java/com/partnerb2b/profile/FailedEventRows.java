package com.partnerb2b.profile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import com.partnerb2b.platform.test.PostgresTestResource;

/** The service's failed_events rows (messages its consumer set aside) and processed_events log, read from its database. */
final class FailedEventRows {

    private FailedEventRows() {
    }

    /** Reasons recorded for messages carrying this event id. */
    static List<String> reasonsForEvent(String eventId) throws Exception {
        return strings("SELECT reason FROM failed_events WHERE event_id = ? ORDER BY id", eventId);
    }

    /** Reasons recorded for messages with exactly this payload (one without a usable event id). */
    static List<String> reasonsForPayload(String payload) throws Exception {
        return strings("SELECT reason FROM failed_events WHERE payload = ? ORDER BY id", payload);
    }

    /** How many times the event id was recorded as handled. */
    static int timesProcessed(String eventId) throws Exception {
        return strings("SELECT event_id FROM processed_events WHERE event_id = ?", eventId).size();
    }

    private static List<String> strings(String sql, String parameter) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }
}

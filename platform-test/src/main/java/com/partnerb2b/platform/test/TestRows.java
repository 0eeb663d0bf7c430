package com.partnerb2b.platform.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;


/** The service's tables under test, read and changed directly: the state that proves what happened. */
public final class TestRows {

    private TestRows() {
    }

    public static long count(String sql, Object... parameters) throws Exception {
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static String text(String sql, Object... parameters) throws Exception {
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    public static long countUnchecked(String sql, Object... parameters) {
        try {
            return count(sql, parameters);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... parameters) throws Exception {
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws Exception {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}

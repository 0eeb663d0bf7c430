package com.partnerb2b.platform.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class TestPostgresTest {

    @Test
    void each_call_gets_its_own_empty_database_on_a_real_server() throws Exception {
        TestPostgres.Database first = TestPostgres.newDatabase("check");
        TestPostgres.Database second = TestPostgres.newDatabase("check");
        assertNotEquals(first.name(), second.name());

        try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (v text)");
            statement.execute("INSERT INTO t VALUES ('kept')");
            try (ResultSet rs = statement.executeQuery("SELECT v, current_database() FROM t")) {
                rs.next();
                assertEquals("kept", rs.getString(1));
                assertEquals(first.name(), rs.getString(2));
            }
        }
        try (Connection connection = second.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 't'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }
}

package com.partnerb2b.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM, chosen in this order: the server named by
 * {@code PARTNERB2B_TEST_PG_URL} ({@code jdbc:postgresql://host:port/admin-db}, with
 * {@code PARTNERB2B_TEST_PG_USER} / {@code PARTNERB2B_TEST_PG_PASSWORD}); a Testcontainers server
 * where a Docker engine exists; otherwise an embedded PostgreSQL from Maven Central. Each call of
 * {@link #newDatabase(String)} creates a fresh, empty database on it.
 */
public final class TestPostgres {

    public record Database(String host, int port, String name, String user, String password) {

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        public String reactiveUrl() {
            return "postgresql://" + host + ":" + port + "/" + name;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), user, password);
        }
    }

    private record Server(String host, int port, String adminDatabase, String user, String password) {
    }

    private static Server server;
    private static EmbeddedPostgres embedded;
    private static PostgreSQLContainer container;

    private TestPostgres() {
    }

    public static synchronized Database newDatabase(String prefix) {
        Server s = server();
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase();
        String adminUrl = "jdbc:postgresql://" + s.host + ":" + s.port + "/" + s.adminDatabase;
        try (Connection connection = DriverManager.getConnection(adminUrl, s.user, s.password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + adminUrl, e);
        }
        return new Database(s.host, s.port, name, s.user, s.password);
    }

    private static Server server() {
        if (server != null) {
            return server;
        }
        String configured = System.getenv("PARTNERB2B_TEST_PG_URL");
        if (configured != null && !configured.isBlank()) {
            URI uri = URI.create(configured.substring("jdbc:".length()));
            server = new Server(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), uri.getPath().substring(1),
                    envOr("PARTNERB2B_TEST_PG_USER", "postgres"), envOr("PARTNERB2B_TEST_PG_PASSWORD", ""));
        } else if (DockerEngine.available()) {
            container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            server = new Server(container.getHost(), container.getFirstMappedPort(), container.getDatabaseName(),
                    container.getUsername(), container.getPassword());
        } else {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            server = new Server("localhost", embedded.getPort(), "postgres", "postgres", "postgres");
        }
        // Stopped when the launcher session closes (TestServers); the hook is a fallback for other runners.
        TestServers.stopAtEnd(TestPostgres::stop);
        Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop, "test-postgres-stop"));
        return server;
    }

    /** Stops the server this JVM started, once; later calls do nothing. */
    static synchronized void stop() {
        EmbeddedPostgres stoppingEmbedded = embedded;
        PostgreSQLContainer stoppingContainer = container;
        embedded = null;
        container = null;
        try {
            if (stoppingEmbedded != null) {
                stoppingEmbedded.close();
            }
            if (stoppingContainer != null) {
                stoppingContainer.stop();
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("[test-servers] PostgreSQL stopped with an error: " + e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}

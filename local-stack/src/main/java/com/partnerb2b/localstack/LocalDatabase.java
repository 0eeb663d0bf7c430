package com.partnerb2b.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server of the local stack: the one named by {@code PARTNERB2B_DB_HOST} (with
 * {@code _PORT}, {@code _USER}, {@code _PASSWORD}), otherwise an embedded PostgreSQL from Maven
 * Central whose data folder is kept under the local folder. Each service gets its own database.
 */
public final class LocalDatabase implements AutoCloseable {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private LocalDatabase(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    public static LocalDatabase start(Path home) throws IOException {
        String configuredHost = Settings.env("PARTNERB2B_DB_HOST", null);
        if (configuredHost != null) {
            return new LocalDatabase(configuredHost, Integer.parseInt(Settings.env("PARTNERB2B_DB_PORT", "5432")),
                    Settings.env("PARTNERB2B_DB_USER", "postgres"), Settings.env("PARTNERB2B_DB_PASSWORD", ""), null);
        }
        Path data = home.resolve("postgres-data");
        Path binaries = home.resolve("postgres-bin");
        Files.createDirectories(binaries);
        int port = Integer.parseInt(Settings.env("PARTNERB2B_DB_PORT", "54329"));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPort(port)
                .start();
        return new LocalDatabase("localhost", postgres.getPort(), "postgres", "postgres", postgres);
    }

    public void ensureDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String description() {
        return (embedded != null ? "embedded PostgreSQL" : "PostgreSQL") + " at " + host + ":" + port;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}

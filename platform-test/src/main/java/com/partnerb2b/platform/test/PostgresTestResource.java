package com.partnerb2b.platform.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the service under test at a fresh database on the run's real PostgreSQL (see
 * {@link TestPostgres}); Flyway migrates it when the application starts.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_PREFIX = "database-prefix";

    private String prefix = "test";
    private static TestPostgres.Database current;

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault(DATABASE_PREFIX, prefix);
    }

    @Override
    public Map<String, String> start() {
        TestPostgres.Database database = TestPostgres.newDatabase(prefix);
        current = database;
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.reactive.url", database.reactiveUrl(),
                "quarkus.datasource.username", database.user(),
                "quarkus.datasource.password", database.password());
    }

    /** The database the running application uses, for tests that read its tables directly. */
    public static TestPostgres.Database database() {
        return current;
    }

    @Override
    public void stop() {
        // The server is shared by the whole run and stopped when the JVM exits.
    }
}

package com.partnerb2b.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.reactive.WorkerDataSource;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The background workers' pool reaches the service's own database with the same timeouts as the
 * requests' pool, and its sessions always use generic plans while the requests' keep PostgreSQL's choice
 * (the profile list needs plans made for its parameters).
 */
@QuarkusTest
class WorkerPoolTest {

    @Inject
    Pool requests;

    @Inject
    @ReactiveDataSource(WorkerDataSource.NAME)
    Pool workers;

    @Test
    void the_workers_pool_is_the_same_database_and_timeouts_with_generic_plans_always() {
        assertEquals(value(requests, "SELECT current_database()"), value(workers, "SELECT current_database()"));
        for (String setting : List.of("statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout")) {
            assertEquals(value(requests, "SHOW " + setting), value(workers, "SHOW " + setting), setting);
        }
        assertEquals("5s", value(workers, "SHOW statement_timeout"));
        assertEquals("force_generic_plan", value(workers, "SHOW plan_cache_mode"));
        assertEquals("auto", value(requests, "SHOW plan_cache_mode"));
    }

    private static String value(Pool pool, String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getString(0);
    }
}

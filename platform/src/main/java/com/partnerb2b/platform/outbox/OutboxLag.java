package com.partnerb2b.platform.outbox;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The outbox's lag, measured from the table every few seconds: events not yet published
 * ({@code partnerb2b_outbox_pending_events}) and the age of the oldest
 * ({@code partnerb2b_outbox_oldest_pending_seconds}) — what an alert on a stuck relay watches.
 */
@ApplicationScoped
@IfBuildProperty(name = "partnerb2b.outbox.enabled", stringValue = "true")
public class OutboxLag {

    private static final Logger LOG = Logger.getLogger(OutboxLag.class);
    private static final String LAG = """
            SELECT count(*) AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) AS oldest_seconds
              FROM outbox_events WHERE published_at IS NULL""";

    private final Pool pool;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    public OutboxLag(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Gauge.builder("partnerb2b.outbox.pending.events", pending, AtomicLong::get)
                .description("Outbox events not yet published").register(registry);
        Gauge.builder("partnerb2b.outbox.oldest.pending.seconds", oldestSeconds, AtomicLong::get)
                .description("Age of the oldest outbox event not yet published").baseUnit("seconds").register(registry);
    }

    @Scheduled(every = "${partnerb2b.outbox.lag-interval:15s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> measure() {
        return pool.query(LAG).execute().invoke(rows -> {
            Row row = rows.iterator().next();
            pending.set(row.getLong("pending"));
            oldestSeconds.set(row.getNumeric("oldest_seconds").longValue());
        }).onFailure().invoke(e -> LOG.debugf("Outbox lag not measured: %s", e.toString())).onFailure().recoverWithNull().replaceWithVoid();
    }
}

package com.partnerb2b.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.reactive.WorkerDataSource;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Publishes one batch of outbox rows in one transaction: locks them (see {@link OutboxTable} for
 * per-key order across replicas), sends them all, awaits Kafka's acknowledgements, then marks the
 * acknowledged ones published in one statement. What Kafka refused stays pending for the next run.
 * A crash after publishing and before the commit publishes again, which consumers absorb (they
 * remember event ids). {@link OutboxWakeUp} decides when it runs.
 */
@ApplicationScoped
@IfBuildProperty(name = "partnerb2b.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    /** What one run did: rows locked, rows published. */
    public record Batch(int locked, int published) {

        /** Everything locked was published and the batch was full: more may be waiting. */
        public boolean fullAndPublished(int batchSize) {
            return locked >= batchSize && published == locked;
        }
    }

    private final Pool pool;
    private final OutboxTable table;
    private final OutboxSender sender;
    private final OutboxConfig config;

    public OutboxRelay(@ReactiveDataSource(WorkerDataSource.NAME) Pool pool, OutboxTable table, OutboxSender sender, OutboxConfig config) {
        this.pool = pool;
        this.table = table;
        this.sender = sender;
        this.config = config;
    }

    public Uni<Batch> publishPending() {
        return pool.withTransaction(connection -> table.lockBatch(connection, config.batchSize())
                .chain(batch -> sender.send(batch)
                        .call(acknowledged -> table.markPublished(connection, acknowledged))
                        .map(acknowledged -> new Batch(batch.size(), acknowledged.size()))));
    }
}

package com.partnerb2b.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * The relay's clock: a run at start (rows committed while the service was down), the fallback poll,
 * and the purge of old published rows.
 */
@ApplicationScoped
@IfBuildProperty(name = "partnerb2b.outbox.enabled", stringValue = "true")
public class OutboxTimers {

    private static final Logger LOG = Logger.getLogger(OutboxTimers.class);

    private final Vertx vertx;
    private final OutboxWakeUp wakeUp;
    private final OutboxTable table;
    private final OutboxConfig config;
    private long poll = -1;
    private long purge = -1;

    public OutboxTimers(Vertx vertx, OutboxWakeUp wakeUp, OutboxTable table, OutboxConfig config) {
        this.vertx = vertx;
        this.wakeUp = wakeUp;
        this.table = table;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        wakeUp.wake();
        poll = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wakeUp.wake());
        purge = vertx.setPeriodic(config.purgeInterval().toMillis(), id -> purgePublished());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        vertx.cancelTimer(poll);
        vertx.cancelTimer(purge);
    }

    private void purgePublished() {
        table.purgePublishedOlderThan(config.purgeAfter()).subscribe().with(
                deleted -> LOG.debugf("Outbox purge: %d published rows deleted", deleted),
                failure -> LOG.warnf("Outbox purge deferred: %s", failure.getMessage()));
    }
}

package com.partnerb2b.platform.outbox;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;

/**
 * Runs the relay when asked, one run at a time in this instance: a wake-up during a run asks for
 * one more run after it (however many wake-ups came), and a full batch is followed at once by the
 * next. Wake-ups come from commit notifications, the fallback poll and (re)connections.
 * <p>
 * Under load — a run that published several events and was asked for again meanwhile — the next
 * run starts {@link OutboxConfig#gather()} after it: the events committed during that run and the
 * pause leave in one run (one transaction, the producer batching their sends) instead of one or two
 * a run. At a low rate (a run of one event), after a full batch and from idle, the next run starts
 * at once.
 */
@ApplicationScoped
@IfBuildProperty(name = "partnerb2b.outbox.enabled", stringValue = "true")
public class OutboxWakeUp {

    private static final Logger LOG = Logger.getLogger(OutboxWakeUp.class);
    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int RUNNING_AND_ASKED_AGAIN = 2;

    private final OutboxRelay relay;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private volatile boolean stopped;
    private volatile long gatherTimer = -1;
    private final Counter published;
    private final Counter deferred;

    public OutboxWakeUp(OutboxRelay relay, OutboxConfig config, Vertx vertx, MeterRegistry registry) {
        this.relay = relay;
        this.config = config;
        this.vertx = vertx;
        // Kafka's state as operators see it: events leaving, and events held back (Kafka unreachable).
        this.published = Counter.builder("partnerb2b.outbox.published").description("Outbox events published to Kafka")
                .register(registry);
        this.deferred = Counter.builder("partnerb2b.outbox.deferred")
                .description("Outbox events locked for publication but left pending (Kafka refused or did not answer)")
                .register(registry);
    }

    /** Non-blocking; callable from any thread, including event loops. */
    public void wake() {
        if (state.getAndUpdate(s -> Math.min(s + 1, RUNNING_AND_ASKED_AGAIN)) == IDLE) {
            run();
        }
    }

    private void run() {
        relay.publishPending().subscribe().with(
                batch -> {
                    published.increment(batch.published());
                    deferred.increment(batch.locked() - batch.published());
                    afterRun(batch.fullAndPublished(config.batchSize()), batch.published() > 1);
                },
                failure -> {
                    LOG.warnf("Outbox publication deferred: %s", failure.getMessage());
                    afterRun(false, false);
                });
    }

    private void afterRun(boolean moreWaiting, boolean underLoad) {
        if (moreWaiting) {
            state.set(RUNNING);
            run();
        } else if (!state.compareAndSet(RUNNING, IDLE)) {
            long gather = config.gather().toMillis();
            if (underLoad && gather > 0) {
                gatherThenRun(gather);
            } else {
                runAgain();
            }
        }
    }

    private void gatherThenRun(long gather) {
        try {
            gatherTimer = vertx.setTimer(gather, id -> runAgain());
        } catch (RuntimeException e) {
            // Vert.x closing: a run now rather than a relay left waiting for a timer that never fires
            runAgain();
        }
    }

    private void runAgain() {
        if (stopped) {
            return;
        }
        // the next run starts after every wake-up seen so far, so it covers them all
        state.set(RUNNING);
        run();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        long timer = gatherTimer;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}

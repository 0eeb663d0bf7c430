package com.partnerb2b.platform.outbox;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.core.Vertx;

/**
 * Runs the relay when asked, one run at a time in this instance: a wake-up during a run asks for
 * one more run after it (however many wake-ups came), and a full batch is followed at once by the
 * next. Wake-ups come from commit notifications, the fallback poll and (re)connections.
 * <p>
 * Under load — a run that published several events and was asked for again meanwhile — the next
 * run starts {@link OutboxConfig#gather()} after it: the commits of that pause leave together, in one
 * transaction and one Kafka request, instead of one or two a run. At a low rate (a run of one event)
 * and from idle, the next run starts at once.
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
                vertx.setTimer(gather, id -> runAgain());
            } else {
                runAgain();
            }
        }
    }

    private void runAgain() {
        // the next run starts after every wake-up seen so far, so it covers them all
        state.set(RUNNING);
        run();
    }
}

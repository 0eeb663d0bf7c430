package com.partnerb2b.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Vetoed;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.outbox.OutboxConfig;
import com.partnerb2b.platform.outbox.OutboxRelay;
import com.partnerb2b.platform.outbox.OutboxWakeUp;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;

/**
 * When the relay runs, with runs the test ends itself and a gathering pause the test ends itself: a
 * commit seen while idle starts a run at once; commits seen during a run of several events (under
 * load) and during the pause are taken together by one run when the pause ends, those seen during a
 * run of one event (a low rate) or after a full batch or a failed run at once. What a run publishes,
 * against PostgreSQL and Kafka: {@link OutboxRelayTest}. No clock is involved: every run starts, or
 * not, inside the call that ended the one before or the pause.
 */
class OutboxWakeUpTest {

    private static final int BATCH_SIZE = 100;
    private static final Duration GATHER = Duration.ofMillis(10);

    private final HeldRelay relay = new HeldRelay();
    private final HeldTimers timers = new HeldTimers();
    private final OutboxWakeUp wakeUp = new OutboxWakeUp(relay, new Config(GATHER), timers.vertx(), new SimpleMeterRegistry());

    @Test
    void commits_seen_during_a_run_of_several_events_and_the_pause_leave_together_in_one_run() {
        wakeUp.wake();
        assertEquals(1, relay.runs.size(), "a commit seen while idle starts a run at once");
        wakeUp.wake();
        wakeUp.wake();
        assertEquals(1, relay.runs.size(), "one run at a time");

        relay.end(0, new OutboxRelay.Batch(2, 2));
        assertEquals(List.of(GATHER.toMillis()), timers.delays, "after a run of several events, the pause");
        wakeUp.wake();
        wakeUp.wake();
        assertEquals(1, relay.runs.size(), "nothing runs during the pause, whatever the commits seen");

        timers.fire(0);
        assertEquals(2, relay.runs.size(), "one run when the pause ends, for every commit seen until then");
        relay.end(1, new OutboxRelay.Batch(4, 4));
        assertEquals(2, relay.runs.size(), "no commit seen during that run: none follows it");
        assertEquals(1, timers.delays.size());

        wakeUp.wake();
        assertEquals(3, relay.runs.size(), "idle again: the next commit runs at once");
    }

    @Test
    void at_a_low_rate_commits_seen_during_a_run_leave_at_once() {
        wakeUp.wake();
        wakeUp.wake();
        relay.end(0, new OutboxRelay.Batch(1, 1));
        assertEquals(2, relay.runs.size(), "a run of one event is no load: the next starts at once");
        assertEquals(List.of(), timers.delays);

        relay.end(1, new OutboxRelay.Batch(1, 1));
        wakeUp.wake();
        assertEquals(3, relay.runs.size(), "idle after it: the next commit runs at once");
    }

    @Test
    void a_full_batch_is_followed_by_the_next_run_without_a_pause() {
        wakeUp.wake();
        relay.end(0, new OutboxRelay.Batch(BATCH_SIZE, BATCH_SIZE));
        assertEquals(2, relay.runs.size(), "more may be waiting behind a full batch: the next run starts at once");

        relay.end(1, new OutboxRelay.Batch(BATCH_SIZE, BATCH_SIZE - 1));
        wakeUp.wake();
        assertEquals(3, relay.runs.size(), "a batch Kafka took only part of ends the series: idle, the next commit runs at once");
        assertEquals(List.of(), timers.delays);
    }

    @Test
    void a_failed_run_asked_for_again_is_followed_by_the_next_at_once() {
        wakeUp.wake();
        wakeUp.wake();
        relay.runs.get(0).fail(new IllegalStateException("the database is away"));
        assertEquals(2, relay.runs.size());
        assertEquals(List.of(), timers.delays);
    }

    /** A relay whose runs stay open until the test ends them. Not a bean of the application. */
    @Vetoed
    static final class HeldRelay extends OutboxRelay {

        final List<UniEmitter<? super Batch>> runs = new ArrayList<>();

        HeldRelay() {
            super(null, null, null, null);
        }

        @Override
        public Uni<Batch> publishPending() {
            return Uni.createFrom().emitter(runs::add);
        }

        void end(int run, Batch batch) {
            runs.get(run).complete(batch);
        }
    }

    /** Vert.x's timers as the test's: set ones are recorded, and fire when the test says. */
    static final class HeldTimers {

        final List<Long> delays = new ArrayList<>();
        final List<Handler<Long>> handlers = new ArrayList<>();

        @SuppressWarnings("unchecked")
        Vertx vertx() {
            return (Vertx) Proxy.newProxyInstance(Vertx.class.getClassLoader(), new Class<?>[] { Vertx.class }, (proxy, method, args) -> {
                if (method.getName().equals("setTimer")) {
                    delays.add((Long) args[0]);
                    handlers.add((Handler<Long>) args[1]);
                    return (long) handlers.size() - 1;
                }
                throw new UnsupportedOperationException(method.getName());
            });
        }

        void fire(int timer) {
            handlers.get(timer).handle((long) timer);
        }
    }

    private record Config(Duration gather) implements OutboxConfig {

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public int batchSize() {
            return BATCH_SIZE;
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofHours(1);
        }

        @Override
        public boolean listen() {
            return false;
        }

        @Override
        public Duration reconnectDelay() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration sendTimeout() {
            return Duration.ofSeconds(10);
        }

        @Override
        public Duration purgeAfter() {
            return Duration.ofDays(7);
        }

        @Override
        public Duration purgeInterval() {
            return Duration.ofHours(1);
        }
    }
}

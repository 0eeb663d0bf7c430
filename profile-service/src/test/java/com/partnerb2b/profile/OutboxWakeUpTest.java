package com.partnerb2b.profile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.inject.Vetoed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.outbox.OutboxConfig;
import com.partnerb2b.platform.outbox.OutboxRelay;
import com.partnerb2b.platform.outbox.OutboxWakeUp;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;

/**
 * When the relay runs, with runs the test ends itself: a commit seen while idle starts a run at once;
 * commits seen during a run of several events (under load) are taken together by one run after the
 * gathering pause, those seen during a run of one event (a low rate) at once; a full batch is
 * followed by the next run without a pause. (What a run publishes, against PostgreSQL and Kafka:
 * {@link OutboxRelayTest}.) A run starting, or not, inside the call that ended the previous one is
 * read right after that call: no timing is assumed but the pause's lower bound.
 */
class OutboxWakeUpTest {

    private static final int BATCH_SIZE = 100;
    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void commits_seen_during_a_run_of_several_events_leave_together_in_one_run_after_the_pause() {
        Duration gather = Duration.ofMillis(300);
        HeldRelay relay = new HeldRelay();
        OutboxWakeUp wakeUp = wakeUp(relay, gather);

        wakeUp.wake();
        assertEquals(1, relay.runs.size(), "a commit seen while idle starts a run at once");
        wakeUp.wake();
        wakeUp.wake();
        wakeUp.wake();
        assertEquals(1, relay.runs.size(), "one run at a time");

        long firstEnded = System.nanoTime();
        relay.end(0, new OutboxRelay.Batch(2, 2));
        assertEquals(1, relay.runs.size(), "the commits seen during the run wait for the pause");
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.runs.size() == 2);
        assertTrue(relay.startedAt.get(1) - firstEnded >= gather.toNanos(),
                "the next run started " + (relay.startedAt.get(1) - firstEnded) / 1_000_000 + " ms after the first, before the pause ended");

        relay.end(1, new OutboxRelay.Batch(3, 3));
        wakeUp.wake();
        assertEquals(3, relay.runs.size(), "one run took every commit seen during the first: idle again after it");
    }

    @Test
    void at_a_low_rate_commits_seen_during_a_run_leave_at_once() {
        HeldRelay relay = new HeldRelay();
        OutboxWakeUp wakeUp = wakeUp(relay, Duration.ofHours(1));

        wakeUp.wake();
        wakeUp.wake();
        relay.end(0, new OutboxRelay.Batch(1, 1));
        assertEquals(2, relay.runs.size(), "a run of one event is no load: the next starts at once");

        relay.end(1, new OutboxRelay.Batch(1, 1));
        wakeUp.wake();
        assertEquals(3, relay.runs.size(), "idle after it: the next commit runs at once");
    }

    @Test
    void a_full_batch_is_followed_by_the_next_run_without_a_pause() {
        HeldRelay relay = new HeldRelay();
        OutboxWakeUp wakeUp = wakeUp(relay, Duration.ofHours(1));

        wakeUp.wake();
        relay.end(0, new OutboxRelay.Batch(BATCH_SIZE, BATCH_SIZE));
        assertEquals(2, relay.runs.size(), "more may be waiting behind a full batch: the next run starts at once");

        relay.end(1, new OutboxRelay.Batch(BATCH_SIZE, BATCH_SIZE - 1));
        wakeUp.wake();
        assertEquals(3, relay.runs.size(), "a batch Kafka took only part of ends the series: idle, the next commit runs at once");
    }

    private static OutboxWakeUp wakeUp(OutboxRelay relay, Duration gather) {
        return new OutboxWakeUp(relay, new Config(gather), vertx, new SimpleMeterRegistry());
    }

    /** A relay whose runs stay open until the test ends them with a batch. Not a bean of the application. */
    @Vetoed
    static final class HeldRelay extends OutboxRelay {

        final List<UniEmitter<? super Batch>> runs = new CopyOnWriteArrayList<>();
        final List<Long> startedAt = new CopyOnWriteArrayList<>();

        HeldRelay() {
            super(null, null, null, null);
        }

        @Override
        public Uni<Batch> publishPending() {
            return Uni.createFrom().emitter(run -> {
                startedAt.add(System.nanoTime());
                runs.add(run);
            });
        }

        void end(int run, Batch batch) {
            runs.get(run).complete(batch);
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

package com.partnerb2b.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Hands the messages whose handling kept failing back to their consumer, on a growing back-off
 * ({@code partnerb2b.events.first-replay}, 1 min, then five times longer each time up to
 * {@code max-replay-wait}, 6 h; {@code replays}, 6, in all): a fix deployed meanwhile lets them
 * through with no operator. Gone from {@code failed_events} once handled (or found handled before);
 * still failing, the row keeps the latest reason, and after the last replay it stays for an operator.
 * Messages that cannot be read or used are never replayed. Each due row is leased by pushing its
 * {@code replay_at} forward when it is taken, so instances never replay one message at once; a replay
 * that finds the message handled meanwhile answers DUPLICATE, never a second handling.
 */
@ApplicationScoped
public class FailedEventReplay {

    private static final Logger LOG = Logger.getLogger(FailedEventReplay.class);
    private static final int BATCH = 20;

    private static final String TAKE_DUE = """
            UPDATE failed_events f
               SET replays = f.replays + 1,
                   replay_at = CASE WHEN f.replays + 1 >= $2 THEN NULL
                                    ELSE now() + least($3::float8 * power(5, f.replays + 1), $4::float8) * interval '1 millisecond' END
             WHERE f.id IN (SELECT id FROM failed_events WHERE replay_at <= now() ORDER BY replay_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
            RETURNING f.id, f.event_id, f.topic, f.payload, f.replays""";

    private static final String HANDLED = "DELETE FROM failed_events WHERE id = $1";

    private static final String STILL_FAILING = "UPDATE failed_events SET reason = $2 WHERE id = $1";

    private final Instance<EventConsumer> consumers;
    private final Pool pool;
    private final EventInboxConfig config;
    private final MeterRegistry registry;

    public FailedEventReplay(@Any Instance<EventConsumer> consumers, Pool pool, EventInboxConfig config, MeterRegistry registry) {
        this.consumers = consumers;
        this.pool = pool;
        this.config = config;
        this.registry = registry;
    }

    // "off" in tests that replay by hand.
    @Scheduled(every = "${partnerb2b.events.replay-interval:PT30S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return replayDue().onFailure().invoke(failure -> LOG.warnf("Replays of events set aside deferred: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Replays the messages set aside whose time has come, one after another; how many went through. */
    public Uni<Integer> replayDue() {
        if (consumers.isUnsatisfied()) {
            return Uni.createFrom().item(0); // a service that consumes nothing has no failed_events
        }
        Tuple due = Tuple.of(BATCH, config.replays(), config.firstReplay().toMillis(), config.maxReplayWait().toMillis());
        return pool.preparedQuery(TAKE_DUE).execute(due)
                .chain(rows -> Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(this::replay)
                        .collect().asList())
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> replay(Row row) {
        long id = row.getLong("id");
        String topic = row.getString("topic");
        EventConsumer consumer = consumers.stream().filter(c -> c.topic().equals(topic)).findFirst().orElse(null);
        if (consumer == null) {
            LOG.warnf("No consumer of %s here to replay event %s set aside", topic, row.getString("event_id"));
            return Uni.createFrom().item(false);
        }
        boolean last = row.getInteger("replays") >= config.replays();
        return Uni.createFrom().deferred(() -> consumer.take(row.getString("payload"), EventInbox.Intake.REPLAY))
                .chain(outcome -> pool.preparedQuery(HANDLED).execute(Tuple.of(id)))
                .invoke(() -> {
                    LOG.infof("Event %s of %s, set aside, handled on replay %d", row.getString("event_id"), topic, row.getInteger("replays"));
                    count(topic, "handled");
                })
                .replaceWith(true)
                .onFailure().recoverWithUni(failure -> stillFailing(row, failure, last));
    }

    private Uni<Boolean> stillFailing(Row row, Throwable failure, boolean last) {
        String reason = failure instanceof EventInbox.NotHandled ? failure.getMessage() : "replay failed: " + failure;
        String eventId = row.getString("event_id");
        if (last) {
            LOG.errorf("Event %s of %s still fails after %d replays, left in failed_events for an operator: %s", eventId,
                    row.getString("topic"), row.getInteger("replays"), reason);
        } else {
            LOG.warnf("Event %s of %s still fails on replay %d: %s", eventId, row.getString("topic"), row.getInteger("replays"), reason);
        }
        count(row.getString("topic"), "failed");
        return pool.preparedQuery(STILL_FAILING).execute(Tuple.of(row.getLong("id"), EventInbox.storable(reason, 2000)))
                .replaceWith(false).onFailure().recoverWithItem(false);
    }

    private void count(String topic, String outcome) {
        Counter.builder("partnerb2b.events.replayed").description("Replays of events set aside after their handling failed")
                .tag("topic", topic).tag("outcome", outcome).register(registry).increment();
    }
}

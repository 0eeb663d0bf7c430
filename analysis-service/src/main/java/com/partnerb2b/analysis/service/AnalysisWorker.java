package com.partnerb2b.analysis.service;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.partnerb2b.analysis.repository.Analysis;
import com.partnerb2b.analysis.repository.AnalysisQueue;
import com.partnerb2b.analysis.repository.AnalysisQueue.Claim;
import com.partnerb2b.platform.reactive.FreshContexts;
import com.partnerb2b.platform.tracing.Spans;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Scores the analyses waiting in the queue: claims a batch, scores each in memory, records each
 * outcome with its event; runs when woken (a request, an arrived submission) and on a short poll,
 * one run at a time in this instance. A failed attempt is retried after a pause, up to the
 * configured attempts, then the analysis is marked failed with the reason.
 */
@ApplicationScoped
public class AnalysisWorker {

    private static final Logger LOG = Logger.getLogger(AnalysisWorker.class);
    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int RUNNING_AND_ASKED_AGAIN = 2;
    static final String SUBMISSION_NOT_RECEIVED = "the profile's submission was not received";
    static final String PROFILE_ERASED = "the profile was deleted before it was scored";

    private final AnalysisQueue queue;
    private final AnalysisScoring scoring;
    private final AnalysisCompletion completion;
    private final AnalysisConfig.Work config;
    private final Vertx vertx;
    private final Spans spans;
    private final String claimer = "analysis-" + UUID.randomUUID();
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final MeterRegistry registry;
    private final Counter retried;

    public AnalysisWorker(AnalysisQueue queue, AnalysisScoring scoring, AnalysisCompletion completion, AnalysisConfig config,
            Vertx vertx, MeterRegistry registry, Spans spans) {
        this.queue = queue;
        this.scoring = scoring;
        this.completion = completion;
        this.config = config.work();
        this.vertx = vertx;
        this.spans = spans;
        this.registry = registry;
        this.retried = Counter.builder("partnerb2b.analyses.retried").register(registry);
    }

    // The first poll after one interval too: a worker configured not to poll never claims behind a test's back.
    @Scheduled(every = "${partnerb2b.analysis.work.poll-interval:PT1S}", delayed = "${partnerb2b.analysis.work.poll-interval:PT1S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Non-blocking; callable from any thread. */
    public void wake() {
        if (state.getAndUpdate(s -> Math.min(s + 1, RUNNING_AND_ASKED_AGAIN)) == IDLE) {
            runOnOwnContext();
        }
    }

    /** This instance's name on the leases it takes. */
    public String claimer() {
        return claimer;
    }

    private void runOnOwnContext() {
        // Each run has its own context, where Hibernate Reactive keeps the run's session.
        FreshContexts.run(vertx, this::runBatch).subscribe().with(this::afterRun, failure -> {
            LOG.warnf("Analysis work deferred: %s", failure.toString());
            afterRun(false);
        });
    }

    private Uni<Boolean> runBatch() {
        return queue.claim(claimer, config.lease(), config.submissionWait(), config.batchSize())
                .chain(claims -> Multi.createFrom().iterable(claims).onItem().transformToUniAndConcatenate(this::process)
                        .collect().last().replaceWith(claims.size() == config.batchSize()));
    }

    private void afterRun(boolean fullBatch) {
        if (fullBatch) {
            state.set(RUNNING);
            runOnOwnContext();
        } else if (state.getAndUpdate(s -> s == RUNNING_AND_ASKED_AGAIN ? RUNNING : IDLE) == RUNNING_AND_ASKED_AGAIN) {
            runOnOwnContext();
        }
    }

    /**
     * Never fails: a claim whose outcome cannot be recorded stays leased and is taken again when its
     * lease ends. Scored in a span continuing the trace of the request that asked for the analysis.
     */
    Uni<Void> process(Claim claim) {
        return spans.continuing("analysis.score", SpanKind.INTERNAL, claim.traceParent(), traceparent -> process(claim, traceparent));
    }

    private Uni<Void> process(Claim claim, String traceparent) {
        Uni<Boolean> recorded;
        if (claim.profileErased()) {
            recorded = completion.fail(claim, claimer, traceparent, PROFILE_ERASED);
        } else if (!claim.submissionArrived()) {
            recorded = completion.fail(claim, claimer, traceparent, SUBMISSION_NOT_RECEIVED);
        } else if (claim.attempts() > config.maxAttempts()) {
            recorded = completion.fail(claim, claimer, traceparent, "scoring did not finish after " + config.maxAttempts() + " attempts");
        } else {
            AnalysisScoring.Outcome outcome;
            try {
                outcome = scoring.score(claim);
            } catch (RuntimeException e) {
                LOG.warnf("Scoring analysis %d failed (attempt %d): %s", claim.id(), claim.attempts(), e.toString());
                if (claim.attempts() >= config.maxAttempts()) {
                    recorded = completion.fail(claim, claimer, traceparent, "scoring failed: " + e.getMessage());
                } else {
                    retried.increment();
                    return queue.release(claim, claimer, config.retryDelay()).replaceWithVoid()
                            .onFailure().recoverWithNull().replaceWithVoid();
                }
                return count(recorded, Analysis.FAILED, "none");
            }
            return count(completion.complete(claim, claimer, traceparent, outcome), Analysis.COMPLETED, outcome.decision());
        }
        return count(recorded, Analysis.FAILED, "none");
    }

    /** Counts analyses finished by status and decision ({@code partnerb2b_analyses_finished_total}). */
    private Uni<Void> count(Uni<Boolean> recorded, String status, String decision) {
        return recorded.invoke(done -> {
            if (done) {
                Counter.builder("partnerb2b.analyses.finished").description("Analyses finished, by status and decision")
                        .tag("status", status).tag("decision", decision == null ? "none" : decision).register(registry).increment();
            }
        }).onFailure().invoke(failure -> LOG.warnf("An analysis outcome could not be recorded: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

}

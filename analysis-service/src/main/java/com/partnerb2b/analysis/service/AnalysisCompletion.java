package com.partnerb2b.analysis.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.analysis.messaging.AnalysisCompletedPublisher;
import com.partnerb2b.analysis.repository.Analysis;
import com.partnerb2b.analysis.repository.AnalysisQueue.Claim;
import com.partnerb2b.analysis.repository.AnalysisRepository;
import com.partnerb2b.platform.time.TimeSource;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Records the end of a claimed analysis — completed with its outcome, or failed with a reason —
 * and its {@code analysis-completed} event, in one statement of the reactive client (atomic without a
 * transaction of its own). Only while the claim still holds (same claimer, same attempt): an instance
 * whose lease was taken over changes nothing.
 */
@ApplicationScoped
public class AnalysisCompletion {

    private final AnalysisCompletedPublisher publisher;
    private final ObjectMapper mapper;
    private final TimeSource time;
    private final Pool pool;

    public AnalysisCompletion(AnalysisCompletedPublisher publisher, ObjectMapper mapper, TimeSource time,
            Pool pool) {
        this.publisher = publisher;
        this.mapper = mapper;
        this.time = time;
        this.pool = pool;
    }

    /** True if recorded; false if the claim was lost meanwhile. */
    public Uni<Boolean> complete(Claim claim, String claimer, String traceparent, AnalysisScoring.Outcome outcome) {
        return finish(claim, claimer, traceparent, analysis -> {
            analysis.status = Analysis.COMPLETED;
            analysis.externalReference = claim.externalReference();
            analysis.score = outcome.score();
            analysis.grade = outcome.grade();
            analysis.probabilityOfDefault = outcome.probabilityOfDefault();
            analysis.decision = outcome.decision();
            analysis.reasons = json(outcome.reasons());
            analysis.affordability = json(outcome.affordability());
            analysis.missingInputs = json(outcome.missingInputs());
            analysis.scorecardVersion = outcome.version();
        });
    }

    public Uni<Boolean> fail(Claim claim, String claimer, String traceparent, String reason) {
        return finish(claim, claimer, traceparent, analysis -> {
            analysis.status = Analysis.FAILED;
            analysis.failureReason = reason;
        });
    }

    /** {@code traceparent}: the span that did the work, which the analysis-completed event continues. */
    private Uni<Boolean> finish(Claim claim, String claimer, String traceparent, java.util.function.Consumer<Analysis> result) {
        // Deferred: an outcome that cannot be written (unserializable JSON) fails this Uni, not the caller's batch.
        return Uni.createFrom().deferred(() -> {
            Analysis ended = claimed(claim, claimer);
            result.accept(ended);
            ended.completedAt = time.now();
            return publisher.recordWithEvent(pool, AnalysisRepository.end(ended, claimer), ended, traceparent);
        });
    }

    /** The analysis as the claim holds it (never loaded: its end is written by one update). */
    private static Analysis claimed(Claim claim, String claimer) {
        Analysis analysis = new Analysis();
        analysis.id = claim.id();
        analysis.partnerId = claim.partnerId();
        analysis.profilePk = claim.profilePk();
        analysis.submissionId = claim.submissionId();
        analysis.createdAt = claim.createdAt();
        analysis.attempts = claim.attempts();
        analysis.claimedBy = claimer;
        analysis.status = Analysis.PROCESSING;
        analysis.traceParent = claim.traceParent();
        return analysis;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

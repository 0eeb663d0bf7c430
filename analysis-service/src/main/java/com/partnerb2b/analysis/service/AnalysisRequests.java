package com.partnerb2b.analysis.service;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import com.partnerb2b.analysis.client.ProfileLookup;
import com.partnerb2b.analysis.repository.Analysis;
import com.partnerb2b.analysis.repository.AnalysisIdempotency;
import com.partnerb2b.analysis.repository.AnalysisIdempotencyRepository;
import com.partnerb2b.analysis.repository.AnalysisQuotaRepository;
import com.partnerb2b.analysis.repository.AnalysisRepository;
import com.partnerb2b.analysis.repository.SubmissionRepository;
import com.partnerb2b.platform.crypto.Digests;
import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.error.FieldError;
import com.partnerb2b.platform.ratelimit.TooManyAttemptsException;
import com.partnerb2b.platform.reactive.CallersEventLoop;
import com.partnerb2b.platform.time.TimeSource;
import com.partnerb2b.platform.tracing.TraceParents;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * A partner asks for an analysis of its submitted profile. The submission comes from the
 * profile-submitted events this service keeps; when none has arrived yet, profile-service is asked
 * whether the profile is the caller's and submitted, so the race between the request and the event
 * never gives a wrong answer. The partner's quota is checked under its row lock, and an
 * {@code Idempotency-Key} replays the first answer for 24 h.
 */
@ApplicationScoped
public class AnalysisRequests {

    private static final Logger LOG = Logger.getLogger(AnalysisRequests.class);
    static final Duration IDEMPOTENCY_RETENTION = Duration.ofHours(24);

    /** The analysis the request made (or made the first time, for a replay). */
    public record Requested(Analysis analysis, boolean replayed) {
    }

    private final SubmissionRepository submissions;
    private final AnalysisRepository analyses;
    private final AnalysisQuotaRepository quotas;
    private final AnalysisIdempotencyRepository idempotency;
    private final ProfileLookup profiles;
    private final AnalysisWorker worker;
    private final TimeSource time;
    private final Pool pool;

    public AnalysisRequests(SubmissionRepository submissions, AnalysisRepository analyses, AnalysisQuotaRepository quotas,
            AnalysisIdempotencyRepository idempotency, ProfileLookup profiles, AnalysisWorker worker, TimeSource time, Pool pool) {
        this.submissions = submissions;
        this.analyses = analyses;
        this.quotas = quotas;
        this.idempotency = idempotency;
        this.profiles = profiles;
        this.worker = worker;
        this.time = time;
        this.pool = pool;
    }

    /**
     * Records a request for an analysis of the profile's current submission, as profile-service tells
     * it (the analysis waits for that submission's event if it has not arrived yet). Without an
     * idempotency key no Hibernate session is opened: the analysis is written with the reactive client.
     */
    public Uni<Requested> request(UUID partnerId, long profilePk, String idempotencyKey, String authorization, String requestId) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            return Uni.createFrom().failure(ApiException.invalidValue(List.of(new FieldError("Idempotency-Key", "1 to 255 characters"))));
        }
        byte[] hash = Digests.sha256("POST /api/v1/profiles/" + profilePk + "/analyses/");
        String traceparent = TraceParents.current();
        Uni<Analysis> replayed = idempotencyKey == null ? Uni.createFrom().nullItem()
                : Panache.withSession(() -> replay(partnerId, idempotencyKey, hash));
        // profile-service, not the submissions kept here, says which submission is current: a profile
        // modified (back to draft), submitted again or deleted since the last event that arrived must not
        // be analysed on what it no longer holds.
        return CallersEventLoop.answer(replayed.chain(replay -> replay != null ? Uni.createFrom().item(new Requested(replay, true))
                : askProfileService(profilePk, authorization, requestId)
                        .chain(submissionId -> create(partnerId, profilePk, submissionId, idempotencyKey, hash, traceparent))
                        .invoke(created -> worker.wake())
                        .map(created -> new Requested(created, false))));
    }

    private Uni<Analysis> replay(UUID partnerId, String key, byte[] hash) {
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return idempotency.find(partnerId, key).chain(record -> {
            if (record == null || record.createdAt.plus(IDEMPOTENCY_RETENTION).isBefore(time.now())) {
                return Uni.createFrom().nullItem();
            }
            if (!Digests.same(record.requestHash, hash)) {
                return Uni.createFrom().failure(new ApiException(422, "idempotency_key_reused",
                        "Idempotency-Key already used with another request", List.of(new FieldError("Idempotency-Key", key))));
            }
            return analyses.findById(record.analysisId);
        });
    }

    /** Is the profile the caller's, and submitted: on which submission? */
    private Uni<UUID> askProfileService(long profilePk, String authorization, String requestId) {
        return profiles.profile(profilePk, authorization, requestId)
                .onFailure().transform(AnalysisRequests::unavailable)
                .map(AnalysisRequests::submittedOrRefused);
    }

    private static UUID submittedOrRefused(ProfileLookup.Answer answer) {
        if (answer instanceof ProfileLookup.Answer.Submitted submitted) {
            return submitted.submissionId();
        }
        if (answer instanceof ProfileLookup.Answer.NotSubmitted notSubmitted) {
            throw notSubmitted(notSubmitted.status());
        }
        if (answer instanceof ProfileLookup.Answer.NotAllowed) {
            throw ApiException.notAllowed();
        }
        throw ApiException.notFound("Profile");
    }

    /**
     * Without a key, for a partner without a quota, one statement; otherwise a transaction: the quota
     * counted under its row lock, the analysis and the key's answer written.
     */
    private Uni<Analysis> create(UUID partnerId, long profilePk, UUID submissionId, String key, byte[] hash, String traceparent) {
        Uni<Analysis> unlimited = key != null ? Uni.createFrom().nullItem()
                : analyses.insertUnlessLimited(pool, pending(partnerId, profilePk, submissionId, traceparent));
        return unlimited.onItem().ifNull().switchTo(() -> pool.withTransaction(transaction ->
                createUnderQuota(transaction, partnerId, profilePk, submissionId, key, hash, traceparent)));
    }

    private Analysis pending(UUID partnerId, long profilePk, UUID submissionId, String traceparent) {
        Analysis analysis = new Analysis();
        analysis.partnerId = partnerId;
        analysis.profilePk = profilePk;
        analysis.submissionId = submissionId;
        analysis.status = Analysis.PENDING;
        analysis.createdAt = time.now();
        analysis.traceParent = traceparent;
        return analysis;
    }

    private Uni<Analysis> createUnderQuota(SqlClient transaction, UUID partnerId, long profilePk, UUID submissionId, String key, byte[] hash,
            String traceparent) {
        return quotas.lockedLimit(transaction, partnerId).chain(limit -> limit == null
                ? Uni.createFrom().voidItem()
                : analyses.countUsed(transaction, partnerId).invoke(used -> {
                    if (used >= limit) {
                        throw new ApiException(429, "quota_exceeded", "Analysis quota exceeded",
                                List.of(new FieldError("quota", used + " of " + limit + " analyses used")))
                                .with("limit", limit).with("used", used);
                    }
                }).replaceWithVoid())
                .chain(() -> analyses.insert(transaction, pending(partnerId, profilePk, submissionId, traceparent)))
                .call(analysis -> key == null ? Uni.createFrom().voidItem() : remember(transaction, partnerId, key, hash, analysis));
    }

    private Uni<Void> remember(SqlClient transaction, UUID partnerId, String key, byte[] hash, Analysis analysis) {
        AnalysisIdempotency record = new AnalysisIdempotency();
        record.partnerId = partnerId;
        record.idempotencyKey = key;
        record.requestHash = hash;
        record.analysisId = analysis.id;
        record.createdAt = time.now();
        return idempotency.remember(transaction, record, record.createdAt.minus(IDEMPOTENCY_RETENTION));
    }

    /**
     * Fails 404 unless the profile is the caller's: known here by a submission of the partner's,
     * or else confirmed by profile-service (which answers 404 for another partner's profile alike).
     */
    public Uni<Void> ensureVisible(UUID partnerId, long profilePk, String authorization, String requestId) {
        return CallersEventLoop.answer(submissions.latestId(pool, partnerId, profilePk)).chain(latest -> latest != null
                ? Uni.createFrom().voidItem()
                : profiles.profile(profilePk, authorization, requestId).onFailure().transform(AnalysisRequests::unavailable)
                        .invoke(answer -> {
                            if (answer instanceof ProfileLookup.Answer.NotFound) {
                                throw ApiException.notFound("Profile");
                            }
                            if (answer instanceof ProfileLookup.Answer.NotAllowed) {
                                throw ApiException.notAllowed();
                            }
                        }).replaceWithVoid());
    }

    private static ApiException notSubmitted(String status) {
        return new ApiException(400, "profile_not_submitted", "Profile not submitted",
                List.of(new FieldError("status", "the profile is " + status + ": submit it before asking for an analysis")));
    }

    private static Throwable unavailable(Throwable failure) {
        if (failure instanceof ApiException || failure instanceof TooManyAttemptsException) {
            return failure;
        }
        LOG.warnf("profile-service could not tell whether a profile is submitted: %s", failure.toString());
        String why = failure instanceof CircuitBreakerOpenException ? "profile-service is unavailable"
                : failure instanceof TimeoutException ? "profile-service did not answer in time" : "profile-service could not be asked";
        return ApiException.unavailable("profile", why + ": retry");
    }

    /** Stored keys are useless after the retention period: deleted every hour. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpiredKeys() {
        return Panache.withTransaction(() -> idempotency.deleteOlderThan(time.now().minus(IDEMPOTENCY_RETENTION))).replaceWithVoid();
    }
}

package com.partnerb2b.analysis.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.reactive.WorkerDataSource;
import com.partnerb2b.platform.sql.Timestamps;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The analyses waiting to be scored, shared by every instance. A claim is one statement: it takes
 * rows nobody holds ({@code SKIP LOCKED}), whose submission has arrived (or waited too long for it,
 * or whose profile was erased: to fail), pending or with an expired lease, and leases them to the
 * claimer — so two instances never hold one analysis, and one that crashed mid-way loses it when its
 * lease ends.
 */
@ApplicationScoped
public class AnalysisQueue {

    /**
     * A claimed analysis with the submission it is scored on (null fields when it never arrived, or was
     * erased with its profile: {@code profileErased}, the profile recorded as erased).
     */
    public record Claim(long id, int attempts, UUID partnerId, long profilePk, UUID submissionId, Instant createdAt,
            String attributes, Instant submittedAt, String externalReference, String traceParent, boolean profileErased) {

        public boolean submissionArrived() {
            return attributes != null;
        }
    }

    // analyses.profile_erased (V3) is written only by the version before erased_profiles (V4): read while
    // instances of it may still run (a rolling update), until a later migration drops it.
    private static final String CLAIM = """
            WITH claimed AS (
                UPDATE analyses a
                   SET status = 'processing', attempts = a.attempts + 1, claimed_by = $1,
                       lease_until = now() + $2 * interval '1 millisecond', started_at = COALESCE(a.started_at, now())
                 WHERE a.id IN (
                       SELECT c.id FROM analyses c
                         LEFT JOIN submissions s ON s.submission_id = c.submission_id
                        WHERE c.status IN ('pending', 'processing')
                          AND (c.lease_until IS NULL OR c.lease_until < now())
                          AND (s.submission_id IS NOT NULL OR c.created_at < now() - $3 * interval '1 millisecond'
                               OR c.profile_erased OR EXISTS (SELECT 1 FROM erased_profiles e
                                           WHERE e.partner_id = c.partner_id AND e.profile_pk = c.profile_pk))
                        ORDER BY c.id
                        LIMIT $4
                          FOR UPDATE OF c SKIP LOCKED)
             RETURNING a.id, a.attempts, a.partner_id, a.profile_pk, a.submission_id, a.created_at, a.trace_parent,
                       a.profile_erased AS marked_erased)
            SELECT claimed.id, claimed.attempts, claimed.partner_id, claimed.profile_pk, claimed.submission_id,
                   claimed.created_at, claimed.trace_parent, s.attributes, s.submitted_at, s.external_reference,
                   claimed.marked_erased OR EXISTS (SELECT 1 FROM erased_profiles e
                            WHERE e.partner_id = claimed.partner_id AND e.profile_pk = claimed.profile_pk) AS profile_erased
              FROM claimed LEFT JOIN submissions s ON s.submission_id = claimed.submission_id
             ORDER BY claimed.id""";

    private final Pool pool;

    public AnalysisQueue(@ReactiveDataSource(WorkerDataSource.NAME) Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Claim>> claim(String claimer, Duration lease, Duration submissionWait, int batchSize) {
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(claimer, lease.toMillis(), submissionWait.toMillis(), batchSize))
                .map(rows -> {
                    List<Claim> claims = new ArrayList<>();
                    for (Row row : rows) {
                        claims.add(new Claim(row.getLong("id"), row.getInteger("attempts"), row.getUUID("partner_id"),
                                row.getLong("profile_pk"), row.getUUID("submission_id"),
                                Timestamps.instant(row.getOffsetDateTime("created_at")), row.getString("attributes"),
                                Timestamps.instant(row.getOffsetDateTime("submitted_at")), row.getString("external_reference"),
                                row.getString("trace_parent"), row.getBoolean("profile_erased")));
                    }
                    return claims;
                });
    }

    /** Puts a claimed analysis back in the queue, to be retried after {@code delay} — if the lease is still ours. */
    public Uni<Boolean> release(Claim claim, String claimer, Duration delay) {
        return pool.preparedQuery("""
                UPDATE analyses SET status = 'pending', lease_until = now() + $4 * interval '1 millisecond'
                 WHERE id = $1 AND status = 'processing' AND claimed_by = $2 AND attempts = $3""")
                .execute(Tuple.of(claim.id(), claimer, claim.attempts(), delay.toMillis()))
                .map(rows -> rows.rowCount() == 1);
    }

}

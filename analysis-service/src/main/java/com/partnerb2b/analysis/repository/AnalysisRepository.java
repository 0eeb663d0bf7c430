package com.partnerb2b.analysis.repository;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.sql.RowChange;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class AnalysisRepository implements PanacheRepositoryBase<Analysis, Long> {

    /** The partner's analysis, or null — also for another partner's. */
    public Uni<Analysis> findOwned(UUID partnerId, long id) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResult();
    }

    public Uni<List<Analysis>> pageOfProfile(UUID partnerId, long profilePk, int page, int limit) {
        return find("partnerId = ?1 and profilePk = ?2", Sort.descending("id"), partnerId, profilePk)
                .page(Page.of(page - 1, limit)).list();
    }

    public Uni<Long> countOfProfile(UUID partnerId, long profilePk) {
        return count("partnerId = ?1 and profilePk = ?2", partnerId, profilePk);
    }

    /** Analyses that count against the partner's quota (all but those that failed on our side). */
    public Uni<Long> countUsed(UUID partnerId) {
        return count("partnerId = ?1 and status <> ?2", partnerId, Analysis.FAILED);
    }

    /** The same count, in {@code transaction}. */
    public Uni<Long> countUsed(SqlClient transaction, UUID partnerId) {
        return transaction.preparedQuery("SELECT count(*) FROM analyses WHERE partner_id = $1 AND status <> $2")
                .execute(Tuple.of(partnerId, Analysis.FAILED)).map(rows -> rows.iterator().next().getLong(0));
    }

    private static final String INSERT_COLUMNS = "INSERT INTO analyses (partner_id, profile_pk, submission_id, status, attempts, "
            + "created_at, trace_parent)";

    /** Inserts a new analysis in {@code transaction}; its id is set from the database. */
    public Uni<Analysis> insert(SqlClient transaction, Analysis analysis) {
        return inserted(transaction, INSERT_COLUMNS + " VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id", analysis);
    }

    /**
     * Inserts a new analysis in one statement unless the partner has a quota, whose count must be
     * taken under its row lock: then nothing is written and the answer is null.
     */
    public Uni<Analysis> insertUnlessLimited(SqlClient client, Analysis analysis) {
        return inserted(client, INSERT_COLUMNS + """

                SELECT $1::uuid, $2::bigint, $3::uuid, $4::varchar, $5::integer, $6::timestamptz, $7::varchar
                 WHERE NOT EXISTS (SELECT 1 FROM analysis_quotas WHERE partner_id = $1)
                RETURNING id""", analysis);
    }

    /** The analysis with its id set, or null if {@code insert} wrote no row. */
    private static Uni<Analysis> inserted(SqlClient client, String insert, Analysis analysis) {
        return client.preparedQuery(insert)
                .execute(Tuple.from(Arrays.asList(analysis.partnerId, analysis.profilePk, analysis.submissionId, analysis.status,
                        analysis.attempts, analysis.createdAt.atOffset(ZoneOffset.UTC), analysis.traceParent)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    analysis.id = rows.iterator().next().getLong(0);
                    return analysis;
                });
    }

    /**
     * The end of an analysis (its status, outcome or failure reason, completion time) as one update
     * that writes only while {@code claimer}'s claim on it holds (same claimer, same attempt).
     */
    public static RowChange end(Analysis ended, String claimer) {
        return new RowChange("""
                UPDATE analyses
                   SET status = $1, external_reference = $2, score = $3, grade = $4, probability_of_default = $5,
                       decision = $6, reasons = $7, affordability = $8, missing_inputs = $9, scorecard_version = $10,
                       failure_reason = $11, completed_at = $12, lease_until = NULL
                 WHERE id = $13 AND status = 'processing' AND claimed_by = $14 AND attempts = $15""",
                Arrays.asList(ended.status, ended.externalReference, ended.score, ended.grade, ended.probabilityOfDefault,
                        ended.decision, ended.reasons, ended.affordability, ended.missingInputs, ended.scorecardVersion,
                        ended.failureReason, ended.completedAt.atOffset(ZoneOffset.UTC), ended.id, claimer, ended.attempts));
    }
}

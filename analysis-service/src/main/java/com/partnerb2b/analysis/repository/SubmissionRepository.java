package com.partnerb2b.analysis.repository;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.messaging.ProcessedEvents;
import com.partnerb2b.platform.sql.RowChange;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<Submission, UUID> {

    /** The id of the partner's latest known submission of the profile, or null (one query of the reactive client). */
    public Uni<UUID> latestId(SqlClient client, UUID partnerId, long profilePk) {
        return client.preparedQuery("""
                SELECT submission_id FROM submissions WHERE partner_id = $1 AND profile_pk = $2 ORDER BY submitted_at DESC LIMIT 1""")
                .execute(Tuple.of(partnerId, profilePk))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID(0));
    }

    /**
     * The partner's profile was erased: recorded for good, the first time the erasure's event is handled
     * ({@link ProcessedEvents#FIRST_TIME}) — from then on a submission of it is not kept ({@link #keep}) and
     * its analyses waiting, or inserted later by a request that checked the profile just before its
     * deletion, are claimed to fail ({@code AnalysisQueue}). Only the partner's id and the profile's number.
     */
    public static RowChange erased(UUID partnerId, long profilePk) {
        return new RowChange("""
                INSERT INTO erased_profiles (partner_id, profile_pk, erased_at) SELECT $1::uuid, $2::bigint, now()
                 WHERE\s""" + ProcessedEvents.FIRST_TIME + " ON CONFLICT (partner_id, profile_pk) DO NOTHING",
                Arrays.asList(partnerId, profilePk));
    }

    /**
     * Deletes every submission kept of the erased profile: after its erasure is recorded ({@link #erased}),
     * so none can be kept again behind this. Its analyses keep their results (the partner's record of its
     * decisions), not its values. Idempotent.
     */
    public Uni<Integer> forget(SqlClient client, UUID partnerId, long profilePk) {
        return client.preparedQuery("DELETE FROM submissions WHERE partner_id = $1 AND profile_pk = $2")
                .execute(Tuple.of(partnerId, profilePk)).map(deleted -> deleted.rowCount());
    }

    /**
     * Keeps a submission the first time its event is handled ({@link ProcessedEvents#FIRST_TIME}); one
     * already kept (the same submission in another event) is left as it is, and one of a profile recorded
     * as erased (a late redelivery) is not kept.
     */
    public static RowChange keep(Submission submission) {
        return new RowChange("""
                INSERT INTO submissions (submission_id, partner_id, profile_pk, catalogue_version, external_reference,
                                         attributes, submitted_at, received_at)
                SELECT $1::uuid, $2::uuid, $3::bigint, $4::bigint, $5::varchar, $6::text, $7::timestamptz, $8::timestamptz
                 WHERE NOT EXISTS (SELECT 1 FROM erased_profiles e WHERE e.partner_id = $2 AND e.profile_pk = $3)
                   AND\s""" + ProcessedEvents.FIRST_TIME + " ON CONFLICT (submission_id) DO NOTHING",
                Arrays.asList(submission.submissionId, submission.partnerId, submission.profilePk, submission.catalogueVersion,
                        submission.externalReference, submission.attributes, submission.submittedAt.atOffset(ZoneOffset.UTC),
                        submission.receivedAt.atOffset(ZoneOffset.UTC)));
    }
}

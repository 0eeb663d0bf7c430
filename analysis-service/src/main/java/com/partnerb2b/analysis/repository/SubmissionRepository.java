package com.partnerb2b.analysis.repository;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


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

    /** Keeps a submission in {@code transaction}; one already kept (the same event again) is left as it is. */
    public Uni<Void> keep(SqlClient transaction, Submission submission) {
        return transaction.preparedQuery("""
                INSERT INTO submissions (submission_id, partner_id, profile_pk, catalogue_version, external_reference,
                                         attributes, submitted_at, received_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (submission_id) DO NOTHING""")
                .execute(Tuple.from(Arrays.asList(submission.submissionId, submission.partnerId, submission.profilePk,
                        submission.catalogueVersion, submission.externalReference, submission.attributes,
                        submission.submittedAt.atOffset(ZoneOffset.UTC), submission.receivedAt.atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }
}

package com.partnerb2b.analysis.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.reactive.NativeStatements;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<Submission, UUID> {

    /** The partner's latest known submission of the profile, or null. */
    public Uni<Submission> latest(UUID partnerId, long profilePk) {
        return find("partnerId = ?1 and profilePk = ?2", Sort.descending("submittedAt"), partnerId, profilePk).firstResult();
    }

    /** Keeps a submission; one already kept (the same event again) is left as it is. */
    public Uni<Void> keep(Submission submission) {
        return NativeStatements.execute("""
                INSERT INTO submissions (submission_id, partner_id, profile_pk, catalogue_version, external_reference,
                                         attributes, submitted_at, received_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (submission_id) DO NOTHING""",
                submission.submissionId, submission.partnerId, submission.profilePk, submission.catalogueVersion,
                submission.externalReference, submission.attributes, submission.submittedAt, submission.receivedAt).replaceWithVoid();
    }
}

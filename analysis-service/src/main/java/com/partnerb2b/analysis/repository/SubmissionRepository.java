package com.partnerb2b.analysis.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<Submission, UUID> {

    /** The partner's latest known submission of the profile, or null. */
    public Uni<Submission> latest(UUID partnerId, long profilePk) {
        return find("partnerId = ?1 and profilePk = ?2", Sort.descending("submittedAt"), partnerId, profilePk).firstResult();
    }
}

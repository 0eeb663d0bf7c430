package com.partnerb2b.analysis.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

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
}

package com.partnerb2b.analysis.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.analysis.repository.AnalysisQuota;
import com.partnerb2b.analysis.repository.AnalysisQuotaRepository;
import com.partnerb2b.analysis.repository.AnalysisRepository;
import com.partnerb2b.platform.time.TimeSource;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The number of analyses an operator allows each partner (unlimited unless set). */
@ApplicationScoped
public class QuotaService {

    /** A partner's limit (null: unlimited) and the analyses it has used. */
    public record Usage(UUID partnerId, Integer limit, long used) {
    }

    private final AnalysisQuotaRepository quotas;
    private final AnalysisRepository analyses;
    private final TimeSource time;

    public QuotaService(AnalysisQuotaRepository quotas, AnalysisRepository analyses, TimeSource time) {
        this.quotas = quotas;
        this.analyses = analyses;
        this.time = time;
    }

    @WithTransaction
    public Uni<Usage> set(UUID partnerId, Integer limit) {
        return quotas.lock(partnerId).chain(existing -> {
            AnalysisQuota quota = existing != null ? existing : new AnalysisQuota();
            quota.partnerId = partnerId;
            quota.limit = limit;
            quota.updatedAt = time.now();
            return existing != null ? Uni.createFrom().item(quota) : quotas.persist(quota);
        }).chain(quota -> analyses.countUsed(partnerId).map(used -> new Usage(partnerId, quota.limit, used)));
    }

    @WithSession
    public Uni<Usage> get(UUID partnerId) {
        return quotas.findById(partnerId).chain(quota -> analyses.countUsed(partnerId)
                .map(used -> new Usage(partnerId, quota == null ? null : quota.limit, used)));
    }
}

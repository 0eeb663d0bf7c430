package com.partnerb2b.analysis.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.analysis.repository.Analysis;
import com.partnerb2b.analysis.repository.AnalysisRepository;
import com.partnerb2b.platform.api.PageRequest;
import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.events.AnalysisCompleted;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** A partner's analyses as results: read, listed, and turned into the shape events and answers share. */
@ApplicationScoped
public class AnalysisResults {

    public record Page(List<Analysis> analyses, long total) {
    }

    private static final TypeReference<List<AnalysisCompleted.Reason>> REASONS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private final AnalysisRepository analyses;
    private final ObjectMapper mapper;

    public AnalysisResults(AnalysisRepository analyses, ObjectMapper mapper) {
        this.analyses = analyses;
        this.mapper = mapper;
    }

    /** The partner's analysis; 404 for an unknown one and for another partner's alike. */
    @WithSession
    public Uni<Analysis> owned(UUID partnerId, long id) {
        return analyses.findOwned(partnerId, id).onItem().ifNull().failWith(() -> ApiException.notFound("Analysis"));
    }

    /** The partner's analyses of a profile, newest first. */
    @WithSession
    public Uni<Page> ofProfile(UUID partnerId, long profilePk, PageRequest request) {
        return analyses.pageOfProfile(partnerId, profilePk, request.page(), request.limit())
                .chain(list -> analyses.countOfProfile(partnerId, profilePk).map(total -> new Page(list, total)));
    }

    /** The analysis in the analysis-completed shape (score fields null until completed). */
    public AnalysisCompleted result(Analysis analysis) {
        try {
            return new AnalysisCompleted(analysis.partnerId, analysis.profilePk, analysis.submissionId, analysis.externalReference, analysis.id,
                    analysis.status, analysis.score, analysis.grade, analysis.probabilityOfDefault, analysis.decision,
                    analysis.reasons == null ? null : mapper.readValue(analysis.reasons, REASONS),
                    analysis.affordability == null ? null
                            : mapper.readValue(analysis.affordability, AnalysisCompleted.Affordability.class),
                    analysis.missingInputs == null ? null : mapper.readValue(analysis.missingInputs, NAMES),
                    analysis.scorecardVersion, analysis.createdAt, analysis.completedAt, analysis.failureReason);
        } catch (Exception e) {
            throw new IllegalStateException("analysis " + analysis.id + " holds unreadable JSON", e);
        }
    }
}

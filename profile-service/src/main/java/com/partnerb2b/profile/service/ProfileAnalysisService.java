package com.partnerb2b.profile.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.partnerb2b.platform.events.AnalysisCompleted;
import com.partnerb2b.platform.sql.RowChange;
import com.partnerb2b.profile.repository.ProfileRepository;


/**
 * Shows a profile's latest analysis ({@code last_analyse}) and marks a complete profile
 * {@code analyzed} — only for an analysis computed on the profile's current submission and for its
 * owner: a result for a submission since superseded (the profile was changed and submitted again)
 * would show a score computed on data the profile no longer has.
 */
@ApplicationScoped
public class ProfileAnalysisService {

    private static final Logger LOG = Logger.getLogger(ProfileAnalysisService.class);

    private final ProfileRepository profiles;
    private final ObjectMapper mapper;

    public ProfileAnalysisService(ProfileRepository profiles, ObjectMapper mapper) {
        this.profiles = profiles;
        this.mapper = mapper;
    }

    /** The update that shows the analysis on its profile (see {@link ProfileRepository#showAnalysis}). */
    public RowChange record(AnalysisCompleted analysis) {
        return ProfileRepository.showAnalysis(analysis.profilePk(), analysis.partnerId(), analysis.submissionId(),
                lastAnalyse(analysis).toString(), AnalysisCompleted.COMPLETED.equals(analysis.status()));
    }

    /** The analysis was not shown: its profile is erased, not its partner's, or on another submission. */
    public void ignored(AnalysisCompleted analysis) {
        LOG.infof("Ignoring analysis %d: profile %d is erased, not partner %s's, or no longer on submission %s",
                analysis.analysisPk(), analysis.profilePk(), analysis.partnerId(), analysis.submissionId());
    }

    /**
     * What partners see as {@code last_analyse}: the keys of the first version ({@code score,
     * status, details, version}) and the analysis' pk, grade, probability of default, decision,
     * submission and completion time; {@code details} holds the reasons, the affordability check,
     * the inputs the analysis lacked and, for a failed analysis, why.
     */
    private ObjectNode lastAnalyse(AnalysisCompleted analysis) {
        ObjectNode shown = mapper.createObjectNode();
        shown.put("pk", analysis.analysisPk());
        shown.put("score", analysis.score());
        shown.put("status", analysis.status());
        shown.put("grade", analysis.grade());
        shown.put("probability_of_default", analysis.probabilityOfDefault());
        shown.put("decision", analysis.decision());
        ObjectNode details = shown.putObject("details");
        details.set("reasons", mapper.valueToTree(orEmpty(analysis.reasons())));
        details.set("affordability", mapper.valueToTree(analysis.affordability()));
        details.set("missingInputs", mapper.valueToTree(orEmpty(analysis.missingInputs())));
        details.put("failureReason", analysis.failureReason());
        shown.put("version", analysis.version());
        shown.put("submissionId", analysis.submissionId().toString());
        shown.put("completedAt", analysis.completedAt() == null ? null : analysis.completedAt().toString());
        return shown;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}

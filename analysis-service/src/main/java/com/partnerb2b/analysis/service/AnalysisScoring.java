package com.partnerb2b.analysis.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.analysis.repository.AnalysisQueue.Claim;
import com.partnerb2b.platform.events.AnalysisCompleted.Affordability;
import com.partnerb2b.platform.events.AnalysisCompleted.Reason;
import com.partnerb2b.scorecard.ScoreResult;
import com.partnerb2b.scorecard.Scorecard;

/**
 * Scores one submission: the scorecard's points, probability of default, grade and reasons, the
 * affordability of the credit asked for, and the decision they make together. Pure computation on
 * the submitted values; ages are taken at the submission date, so a result can be reproduced.
 */
@ApplicationScoped
public class AnalysisScoring {

    /** What an analysis found. */
    public record Outcome(int score, String grade, double probabilityOfDefault, String decision, List<Reason> reasons,
            Affordability affordability, List<String> missingInputs, String version) {
    }

    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {
    };

    private final Scorecard scorecard;
    private final AffordabilityCheck affordability;
    private final DecisionPolicy decisions;
    private final ObjectMapper mapper;

    public AnalysisScoring(ActiveScorecard scorecard, AnalysisConfig config, ObjectMapper mapper) {
        this.scorecard = scorecard.get();
        this.affordability = new AffordabilityCheck(config.affordability().annualRate(), config.affordability().debtToIncomeLimit());
        this.decisions = DecisionPolicy.of(config.decision(), this.scorecard.defaultThresholds());
        this.mapper = mapper;
    }

    public Outcome score(Claim claim) {
        Map<String, Object> values;
        try {
            values = mapper.readValue(claim.attributes(), VALUES);
        } catch (Exception e) {
            throw new IllegalStateException("the submitted values of analysis " + claim.id() + " do not read as JSON", e);
        }
        return score(values, LocalDate.ofInstant(claim.submittedAt(), ZoneOffset.UTC));
    }

    public Outcome score(Map<String, ?> values, LocalDate asOf) {
        ScoreResult result = scorecard.score(values, asOf);
        Affordability affordable = affordability.assess(values);
        TreeSet<String> missing = new TreeSet<>(result.missingInputs());
        missing.addAll(affordable.missingInputs());
        List<Reason> reasons = result.reasons().stream()
                .map(r -> new Reason(r.code(), r.attribute(), r.bin(), r.label()))
                .toList();
        return new Outcome(result.score(), result.grade(), result.probabilityOfDefault(),
                decisions.decide(result.score(), affordable.exceedsLimit()), reasons, affordable, List.copyOf(missing),
                scorecard.id());
    }

    public DecisionPolicy decisions() {
        return decisions;
    }
}

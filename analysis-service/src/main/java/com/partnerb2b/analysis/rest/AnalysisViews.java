package com.partnerb2b.analysis.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.partnerb2b.platform.events.AnalysisCompleted;

/** The analysis answers partners read. */
public final class AnalysisViews {

    private AnalysisViews() {
    }

    /** The answer to a request (the seed's shape). */
    public record RequestedView(String message, long pk, String status) {
    }

    public record ReasonView(String code, String attribute, String bin, String label) {
    }

    public record AffordabilityView(
            @JsonProperty("monthly_instalment") BigDecimal monthlyInstalment,
            @JsonProperty("annual_rate") BigDecimal annualRate,
            @JsonProperty("debt_to_income_ratio") BigDecimal debtToIncomeRatio,
            @JsonProperty("debt_to_income_limit") BigDecimal limit,
            @JsonProperty("exceeds_limit") Boolean exceedsLimit,
            @JsonProperty("missing_inputs") List<String> missingInputs) {
    }

    public record AnalysisView(
            long pk,
            long profile,
            UUID submissionId,
            String externalReference,
            String status,
            Integer score,
            String grade,
            @JsonProperty("probability_of_default") Double probabilityOfDefault,
            String decision,
            List<ReasonView> reasons,
            AffordabilityView affordability,
            @JsonProperty("missing_inputs") List<String> missingInputs,
            String version,
            @JsonProperty("failure_reason") String failureReason,
            Instant createdAt,
            Instant completedAt) {
    }

    public static AnalysisView of(AnalysisCompleted analysis) {
        AnalysisCompleted.Affordability a = analysis.affordability();
        return new AnalysisView(analysis.analysisPk(), analysis.profilePk(), analysis.submissionId(), analysis.externalReference(), analysis.status(),
                analysis.score(), analysis.grade(), analysis.probabilityOfDefault(), analysis.decision(),
                analysis.reasons() == null ? null
                        : analysis.reasons().stream().map(r -> new ReasonView(r.code(), r.attribute(), r.bin(), r.label())).toList(),
                a == null ? null
                        : new AffordabilityView(a.monthlyInstalment(), a.annualRate(), a.debtToIncomeRatio(), a.limit(),
                                a.exceedsLimit(), a.missingInputs()),
                analysis.missingInputs(), analysis.version(), analysis.failureReason(), analysis.createdAt(),
                analysis.completedAt());
    }
}

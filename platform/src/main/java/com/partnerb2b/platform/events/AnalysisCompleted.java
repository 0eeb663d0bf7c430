package com.partnerb2b.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code analysis-completed} (type {@value #TYPE}, key: the profile pk): the outcome of one
 * analysis, echoing the partner, the profile (and the partner's own reference of it) and the
 * submission it was computed on, so that a
 * result for a superseded submission is recognised. {@code status} is {@value #COMPLETED} (score
 * fields set) or {@value #FAILED} ({@code failureReason} set).
 */
public record AnalysisCompleted(
        UUID partnerId,
        Long profilePk,
        UUID submissionId,
        String externalReference,
        Long analysisPk,
        String status,
        Integer score,
        String grade,
        Double probabilityOfDefault,
        String decision,
        List<Reason> reasons,
        Affordability affordability,
        List<String> missingInputs,
        String version,
        Instant createdAt,
        Instant completedAt,
        String failureReason) implements EventData {

    public static final String TOPIC = "analysis-completed";
    public static final String TYPE = "com.partnerb2b.analysis.completed.v2";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /** A factor that lowered the score: stable code, source attribute(s), the customer's bin, French label. */
    public record Reason(String code, String attribute, String bin, String label) {
    }

    /**
     * The requested credit's monthly instalment at the configured annual rate, and the customer's
     * debt-to-income ratio with it (existing monthly charges included) against the limit.
     */
    public record Affordability(
            BigDecimal monthlyInstalment,
            BigDecimal annualRate,
            BigDecimal debtToIncomeRatio,
            BigDecimal limit,
            Boolean exceedsLimit,
            List<String> missingInputs) {
    }

    @Override
    public List<String> problems() {
        List<String> problems = EventData.missing("partnerId", partnerId, "profilePk", profilePk, "submissionId", submissionId,
                "analysisPk", analysisPk);
        if (!COMPLETED.equals(status) && !FAILED.equals(status)) {
            problems.add("status");
        }
        return problems;
    }
}

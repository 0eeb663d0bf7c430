package com.partnerb2b.analysis.service;

import com.partnerb2b.scorecard.DecisionThresholds;

/**
 * The recommendation: the scorecard's thresholds on the score (as configured, else the scorecard
 * file's), and a credit the customer cannot afford (over the debt-to-income limit) is at best
 * {@code review}.
 */
public final class DecisionPolicy {

    public static final String APPROVE = "approve";
    public static final String REVIEW = "review";

    private final DecisionThresholds thresholds;

    public DecisionPolicy(int approveFrom, int reviewFrom) {
        if (reviewFrom > approveFrom) {
            throw new IllegalArgumentException("partnerb2b.analysis.decision.review-from (" + reviewFrom
                    + ") must not be above approve-from (" + approveFrom + ")");
        }
        this.thresholds = new DecisionThresholds(approveFrom, reviewFrom);
    }

    public static DecisionPolicy of(AnalysisConfig.Decision config, DecisionThresholds defaults) {
        return new DecisionPolicy(config.approveFrom().orElse(defaults.approveFrom()),
                config.reviewFrom().orElse(defaults.reviewFrom()));
    }

    public String decide(int score, Boolean overAffordabilityLimit) {
        String byScore = thresholds.decide(score);
        return APPROVE.equals(byScore) && Boolean.TRUE.equals(overAffordabilityLimit) ? REVIEW : byScore;
    }

    public int approveFrom() {
        return thresholds.approveFrom();
    }

    public int reviewFrom() {
        return thresholds.reviewFrom();
    }
}

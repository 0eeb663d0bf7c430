package com.partnerb2b.analysis.service;

import com.partnerb2b.scorecard.DecisionThresholds;

/**
 * The recommendation from the score: {@code approve} at or above one threshold, {@code review} at
 * or above the other, else {@code decline}; a credit the customer cannot afford (over the
 * debt-to-income limit) is at best {@code review}.
 */
public final class DecisionPolicy {

    public static final String APPROVE = "approve";
    public static final String REVIEW = "review";
    public static final String DECLINE = "decline";

    private final int approveFrom;
    private final int reviewFrom;

    public DecisionPolicy(int approveFrom, int reviewFrom) {
        if (reviewFrom > approveFrom) {
            throw new IllegalArgumentException("partnerb2b.analysis.decision.review-from (" + reviewFrom
                    + ") must not be above approve-from (" + approveFrom + ")");
        }
        this.approveFrom = approveFrom;
        this.reviewFrom = reviewFrom;
    }

    public static DecisionPolicy of(AnalysisConfig.Decision config, DecisionThresholds defaults) {
        return new DecisionPolicy(config.approveFrom().orElse(defaults.approveFrom()),
                config.reviewFrom().orElse(defaults.reviewFrom()));
    }

    public String decide(int score, Boolean overAffordabilityLimit) {
        String byScore = score >= approveFrom ? APPROVE : score >= reviewFrom ? REVIEW : DECLINE;
        return APPROVE.equals(byScore) && Boolean.TRUE.equals(overAffordabilityLimit) ? REVIEW : byScore;
    }

    public int approveFrom() {
        return approveFrom;
    }

    public int reviewFrom() {
        return reviewFrom;
    }
}

package com.partnerb2b.scorecard;

/** score ≥ approveFrom → approve; score ≥ reviewFrom → review; otherwise decline. */
public record DecisionThresholds(int approveFrom, int reviewFrom) {

    public String decide(int score) {
        return score >= approveFrom ? "approve" : score >= reviewFrom ? "review" : "decline";
    }
}

package com.partnerb2b.scorecard.format;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Points to double the odds: odds(good:bad) = baseOdds · 2^((score − baseScore) / pdo). */
@JsonPropertyOrder({"baseScore", "baseOdds", "pdo"})
public record ScalingSpec(Integer baseScore, Double baseOdds, Double pdo) {
}

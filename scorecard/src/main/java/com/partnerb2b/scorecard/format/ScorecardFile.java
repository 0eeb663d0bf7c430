package com.partnerb2b.scorecard.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * The scorecard file as written by the trainer and read by {@link com.partnerb2b.scorecard.Scorecard}
 * (format 1). Boxed numbers so that a missing field is told apart from a zero. The file is the
 * contract; these records only mirror it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "name", "version", "description", "scaling", "basePoints", "characteristics",
        "gradeBands", "decisionThresholds", "trainingDistribution", "training"})
public record ScorecardFile(
        Integer format,
        String name,
        String version,
        String description,
        ScalingSpec scaling,
        /* The logistic intercept (plus the scaling offset) kept as one base, not spread over characteristics. */
        Integer basePoints,
        List<CharacteristicSpec> characteristics,
        List<GradeBandSpec> gradeBands,
        ThresholdsSpec decisionThresholds,
        List<BucketSpec> trainingDistribution,
        Map<String, Object> training) {

    public static final int CURRENT_FORMAT = 1;
}

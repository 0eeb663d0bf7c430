package com.partnerb2b.scorecard.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Scores in [from, to) get this grade; null = open end. Bands together cover every score. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"grade", "from", "to"})
public record GradeBandSpec(String grade, Integer from, Integer to) {
}

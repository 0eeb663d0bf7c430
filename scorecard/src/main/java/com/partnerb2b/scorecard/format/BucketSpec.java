package com.partnerb2b.scorecard.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Share of the training population with a score in [from, to); null = open end. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"from", "to", "share"})
public record BucketSpec(Integer from, Integer to, Double share) {
}

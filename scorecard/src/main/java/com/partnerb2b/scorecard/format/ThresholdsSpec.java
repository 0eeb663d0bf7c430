package com.partnerb2b.scorecard.format;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

@JsonPropertyOrder({"approveFrom", "reviewFrom"})
public record ThresholdsSpec(Integer approveFrom, Integer reviewFrom) {
}

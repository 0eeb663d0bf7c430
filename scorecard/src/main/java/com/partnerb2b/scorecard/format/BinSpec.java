package com.partnerb2b.scorecard.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** A bin: numeric [from, to) (null = open end) or a set of choice values; the missing bin has neither. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"label", "from", "to", "values", "reason", "points", "woe", "goods", "bads"})
public record BinSpec(
        String label,
        Double from,
        Double to,
        List<String> values,
        String reason,
        Integer points,
        Double woe,
        Integer goods,
        Integer bads) {
}

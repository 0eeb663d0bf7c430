package com.partnerb2b.scorecard.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One characteristic: reads one attribute ({@code attribute}) or a named derivation of several
 * ({@code derivation} + {@code attributes}). {@code kind} is "numeric" (bins [from, to), null = open)
 * or "choice" (bins list values). {@code monotonic} ("increasing", "decreasing", "none") says how
 * points must move as the numeric value grows; for a choice, {@code monotonicOrder} lists values
 * from worst to best and points must never fall along it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "code", "kind", "attribute", "derivation", "attributes", "monotonic", "monotonicOrder",
        "coefficient", "informationValue", "averagePoints", "bins", "missingBin"})
public record CharacteristicSpec(
        String name,
        String code,
        String kind,
        String attribute,
        String derivation,
        List<String> attributes,
        String monotonic,
        List<String> monotonicOrder,
        Double coefficient,
        Double informationValue,
        Double averagePoints,
        List<BinSpec> bins,
        BinSpec missingBin) {
}

package com.partnerb2b.scorecard;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * A characteristic ready to score: bin lookup tables, points and the reason for every bin
 * precomputed at load, so that scoring allocates nothing of its own.
 */
final class CompiledCharacteristic {
    final String name;
    /** The single attribute read, or null for a derivation. */
    private final String attribute;
    private final Derivation derivation;
    private final boolean numeric;
    /** Numeric: upper bounds (exclusive) of every bin but the last. */
    private final double[] upperBounds;
    /** Choice: value → bin index. */
    private final Map<String, Integer> binOfValue;
    /** Points per bin; the missing bin is the last. */
    final int[] points;
    /** Reason per bin (same indices), null when the bin is at or above the average. */
    final Reason[] reasons;
    final double[] pointsBelowAverage;
    final int missingBin;

    CompiledCharacteristic(String name, String attribute, Derivation derivation, boolean numeric, double[] upperBounds,
                           Map<String, Integer> binOfValue, int[] points, Reason[] reasons, double[] pointsBelowAverage) {
        this.name = name;
        this.attribute = attribute;
        this.derivation = derivation;
        this.numeric = numeric;
        this.upperBounds = upperBounds;
        this.binOfValue = binOfValue;
        this.points = points;
        this.reasons = reasons;
        this.pointsBelowAverage = pointsBelowAverage;
        this.missingBin = points.length - 1;
    }

    /** The customer's bin index; {@link #missingBin} when the value is absent, unusable or not in any bin. */
    int bin(Map<String, ?> values, LocalDate asOf) {
        if (numeric) {
            double x = derivation != null ? derivation.evaluate(values, asOf) : InputValues.number(values.get(attribute));
            if (Double.isNaN(x)) {
                return missingBin;
            }
            double[] bounds = upperBounds;
            int i = 0;
            while (i < bounds.length && x >= bounds[i]) {
                i++;
            }
            return i;
        }
        String choice = InputValues.choice(values.get(attribute));
        if (choice == null) {
            return missingBin;
        }
        Integer bin = binOfValue.get(choice);
        return bin == null ? missingBin : bin;
    }

    /** Adds the catalogue attributes responsible for a missing bin. */
    void collectMissing(Map<String, ?> values, Collection<String> out) {
        if (derivation != null) {
            derivation.collectMissing(values, out);
        } else {
            out.add(attribute);
        }
    }
}

package com.partnerb2b.scorecard.trainer;

import com.partnerb2b.scorecard.Derivation;
import com.partnerb2b.scorecard.InputValues;
import com.partnerb2b.scorecard.trainer.TrainingMapping.CharacteristicSettings;

import java.time.LocalDate;

/**
 * The raw value of one characteristic on every row, read with the runtime's own readers and
 * derivations: a number (NaN = missing) or a choice (null = missing).
 */
final class CharacteristicValues {
    final CharacteristicSettings settings;
    final Derivation derivation;
    final boolean numeric;
    final double[] numbers;
    final String[] choices;

    CharacteristicValues(CharacteristicSettings settings, Dataset data, LocalDate asOf) {
        this.settings = settings;
        this.numeric = "numeric".equals(settings.kind());
        if (!numeric && !"choice".equals(settings.kind())) {
            throw new IllegalArgumentException("characteristic " + settings.name() + ": kind must be numeric or choice");
        }
        this.derivation = settings.derivation() == null ? null : Derivation.byFileName(settings.derivation());
        if (settings.derivation() != null && derivation == null) {
            throw new IllegalArgumentException("characteristic " + settings.name() + ": unknown derivation "
                    + settings.derivation());
        }
        int n = data.size();
        numbers = numeric ? new double[n] : null;
        choices = numeric ? null : new String[n];
        for (int i = 0; i < n; i++) {
            var row = data.inputs.get(i);
            if (derivation != null) {
                numbers[i] = derivation.evaluate(row, asOf);
            } else if (numeric) {
                numbers[i] = InputValues.number(row.get(settings.attribute()));
            } else {
                choices[i] = InputValues.choice(row.get(settings.attribute()));
            }
        }
    }

    int direction() {
        if (!numeric) {
            return settings.monotonicOrder() == null ? 0 : 1;
        }
        String m = settings.monotonic() == null ? "none" : settings.monotonic();
        return switch (m) {
            case "increasing" -> 1;
            case "decreasing" -> -1;
            case "none" -> 0;
            default -> throw new IllegalArgumentException("characteristic " + settings.name() + ": monotonic " + m);
        };
    }

    Binning bin(boolean[] bad, int[] rows, TrainingMapping.BinningSettings b) {
        int maxBins = settings.maxBins() != null ? settings.maxBins() : b.maxBins();
        return numeric
                ? Binning.numeric(numbers, bad, rows, direction(), b.maxFineBins(), b.minBinShare(), maxBins)
                : Binning.choice(choices, bad, rows, settings.monotonicOrder(), b.minBinShare(), maxBins);
    }

    int binOf(Binning binning, int row) {
        return numeric ? binning.binOf(numbers[row]) : binning.binOf(choices[row]);
    }
}

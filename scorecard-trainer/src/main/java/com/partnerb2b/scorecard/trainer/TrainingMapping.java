package com.partnerb2b.scorecard.trainer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The mapping file: how a labelled CSV becomes catalogue attributes (or a data set's own
 * characteristics), which characteristics to bin and how, the label, the protected columns kept for
 * the fairness report only, and the training settings. See models/german-reference/mapping.json.
 */
public record TrainingMapping(
        String name,
        String version,
        String description,
        DataSpec data,
        LabelSpec label,
        long seed,
        double holdoutFraction,
        int folds,
        /* Written into the scorecard as its training date: taken from here so that runs are reproducible. */
        String trainingDate,
        /* The date ages are computed at, for data that gives an age rather than a birth date. */
        String scoringDate,
        ScalingSettings scaling,
        BinningSettings binning,
        DecisionSettings decision,
        List<InputSpec> inputs,
        List<CharacteristicSettings> characteristics,
        List<ProtectedSpec> protectedColumns,
        /* A characteristic the fairness report also neutralises (everyone at its average) to see its share in a gap. */
        String fairnessNeutralise,
        /* What was looked at and done about the fairness screen's flags, for the model card. */
        List<String> fairnessNotes,
        List<String> cardNotes) {

    public record DataSpec(String file, String delimiter, boolean header, List<String> columns, String sourceNote) {
    }

    public record LabelSpec(String column, String bad) {
    }

    public record ScalingSettings(int baseScore, double baseOdds, double pdo) {
    }

    /**
     * maxFineBins: quantile bins before merging; minBinShare: smallest bin as a share of rows;
     * maxBins: most bins after merging; minIv: characteristics below this information value are left
     * out; l2: ridge penalty of the logistic fit (not on the intercept).
     */
    public record BinningSettings(int maxFineBins, double minBinShare, int maxBins, double minIv, double l2) {
    }

    /** approveMaxPd: highest PD approved; declineMinPd: PD from which an application is declined. */
    public record DecisionSettings(double approveMaxPd, double declineMinPd, String rationale) {
    }

    /**
     * One input attribute built from the CSV. type: "number" (column parsed), "code" (codes → catalogue
     * choice), "codeNumber" (codes → representative number), "birthDateFromAge" (age in years at
     * scoringDate → a birth date), "incomeFromInstalmentRate" (codes → a representative instalment
     * share of income, turned into the monthly income that gives it), "max" (largest of columns),
     * "ratio" (numerator / denominator; missing when the denominator ≤ 0), "countAtLeast" (how many of
     * columns are ≥ threshold).
     * missing: codes that mean "unknown".
     */
    public record InputSpec(String attribute, String type, String column, Map<String, Object> codes,
                            List<String> missing, List<String> columns, String numerator, String denominator,
                            String amountColumn, String durationColumn, Double threshold, String note) {
    }

    /**
     * A characteristic to bin. Either attribute or derivation (a scorecard derivation). kind: numeric
     * or choice. monotonic (numeric): points "increasing"/"decreasing" with the value, or "none";
     * monotonicOrder (choice): values from worst to best. labels: French reason per choice value;
     * reasonPrefix/unit: French reason of numeric bins. alsoMeans: catalogue values absent from the
     * data, scored like the value they name. belowZeroLabel: French reason for negative values
     * (e.g. −1 = job seeker for employment_years). maxBins: overrides the binning's maxBins.
     */
    public record CharacteristicSettings(String name, String code, String kind, String attribute, String derivation,
                                         String monotonic, List<String> monotonicOrder, Map<String, String> labels,
                                         String reasonPrefix, String unit, String missingLabel,
                                         String belowZeroLabel, Map<String, String> alsoMeans,
                                         Integer maxBins) {
    }

    /** A protected column: groups by code, or by bands of a number (lower bounds of all bands but the first). */
    public record ProtectedSpec(String name, String column, Map<String, String> groups, List<Double> bands) {
    }

    static TrainingMapping read(Path file) {
        try {
            return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), TrainingMapping.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("mapping " + file + ": " + e.getMessage(), e);
        }
    }
}

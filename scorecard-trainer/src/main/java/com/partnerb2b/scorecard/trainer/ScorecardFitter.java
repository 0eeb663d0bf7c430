package com.partnerb2b.scorecard.trainer;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.partnerb2b.scorecard.Scorecard;
import com.partnerb2b.scorecard.format.BinSpec;
import com.partnerb2b.scorecard.format.BucketSpec;
import com.partnerb2b.scorecard.format.CharacteristicSpec;
import com.partnerb2b.scorecard.format.GradeBandSpec;
import com.partnerb2b.scorecard.format.ScalingSpec;
import com.partnerb2b.scorecard.format.ScorecardFile;
import com.partnerb2b.scorecard.format.ThresholdsSpec;
import com.partnerb2b.scorecard.trainer.TrainingMapping.CharacteristicSettings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a scorecard on a set of rows: bins and WoE per characteristic, keeps those with enough
 * information value, fits the logistic regression on the WoE values (dropping any characteristic
 * whose coefficient comes out with the wrong sign, so points follow the WoE order), scales to
 * integer points, and derives grades, thresholds and the training score distribution.
 */
final class ScorecardFitter {
    static final ObjectWriter JSON = new ObjectMapper().writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    private static final String[] GRADES_LOW_TO_HIGH = {"E", "D", "C", "B", "A"};

    /** What became of a characteristic in one fit. */
    record CharacteristicOutcome(String name, String code, double iv, String status, Binning binning, double coefficient,
                                 int[] points) {
    }

    record Fit(ScorecardFile file, Scorecard scorecard, byte[] json, List<CharacteristicOutcome> outcomes,
               int[] trainingScores) {
    }

    private ScorecardFitter() {
    }

    static Fit fit(TrainingMapping mapping, List<CharacteristicValues> characteristics, boolean[] bad, int[] rows,
                   Map<String, Object> training) {
        var settings = mapping.binning();
        List<CharacteristicOutcome> outcomes = new ArrayList<>();
        List<Integer> candidates = new ArrayList<>();
        List<Binning> binnings = new ArrayList<>();
        for (int c = 0; c < characteristics.size(); c++) {
            Binning b = characteristics.get(c).bin(bad, rows, settings);
            binnings.add(b);
            if (b.iv >= settings.minIv() && b.bins() > 1) {
                candidates.add(c);
            }
        }
        boolean[] rowBad = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            rowBad[i] = bad[rows[i]];
        }
        // Fit, dropping the characteristic with the most wrong-signed coefficient until none is left.
        double[] beta;
        while (true) {
            double[][] x = new double[rows.length][candidates.size()];
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < candidates.size(); j++) {
                    int c = candidates.get(j);
                    Binning b = binnings.get(c);
                    x[i][j] = b.woe[characteristics.get(c).binOf(b, rows[i])];
                }
            }
            beta = LogisticRegression.fit(x, rowBad, settings.l2());
            int worst = -1;
            for (int j = 0; j < candidates.size(); j++) {
                // P(bad) falls as WoE (goods over bads) rises: a slope ≥ 0 is the wrong sign.
                if (beta[j + 1] >= 0 && (worst < 0 || beta[j + 1] > beta[worst + 1])) {
                    worst = j;
                }
            }
            if (worst < 0) {
                break;
            }
            candidates.remove(worst);
        }
        var scaling = mapping.scaling();
        double factor = scaling.pdo() / Math.log(2);
        double offset = scaling.baseScore() - factor * Math.log(scaling.baseOdds());
        int basePoints = (int) Math.round(offset - factor * beta[0]);
        int[] scores = new int[rows.length];
        Arrays.fill(scores, basePoints);
        List<CharacteristicSpec> specs = new ArrayList<>();
        for (int c = 0; c < characteristics.size(); c++) {
            CharacteristicValues values = characteristics.get(c);
            CharacteristicSettings s = values.settings;
            Binning b = binnings.get(c);
            int j = candidates.indexOf(c);
            if (j < 0) {
                String status = b.iv < settings.minIv() || b.bins() < 2
                        ? "left out: information value below " + settings.minIv()
                        : "left out: wrong-signed coefficient next to the others";
                outcomes.add(new CharacteristicOutcome(s.name(), s.code(), b.iv, status, b, 0, null));
                continue;
            }
            double coefficient = beta[j + 1];
            int[] points = new int[b.bins() + 1];
            for (int k = 0; k <= b.bins(); k++) {
                points[k] = (int) Math.round(-factor * coefficient * b.woe[k]);
            }
            long sum = 0;
            for (int i = 0; i < rows.length; i++) {
                int p = points[values.binOf(b, rows[i])];
                scores[i] += p;
                sum += p;
            }
            double average = (double) sum / rows.length;
            outcomes.add(new CharacteristicOutcome(s.name(), s.code(), b.iv, "in the scorecard", b, coefficient, points));
            specs.add(characteristicSpec(values, b, coefficient, average, points));
        }
        int[] sorted = scores.clone();
        Arrays.sort(sorted);
        ScorecardFile file = new ScorecardFile(ScorecardFile.CURRENT_FORMAT, mapping.name(), mapping.version(),
                mapping.description(), new ScalingSpec(scaling.baseScore(), scaling.baseOdds(), scaling.pdo()),
                basePoints, specs, gradeBands(sorted), thresholds(mapping), distribution(sorted), training);
        byte[] json;
        try {
            json = (JSON.writeValueAsString(file) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Scorecard scorecard = Scorecard.read(new ByteArrayInputStream(json), mapping.name() + " (just trained)");
        return new Fit(file, scorecard, json, outcomes, scores);
    }

    private static CharacteristicSpec characteristicSpec(CharacteristicValues values, Binning b, double coefficient,
                                                         double average, int[] points) {
        CharacteristicSettings s = values.settings;
        List<BinSpec> bins = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (int k = 0; k < b.bins(); k++) {
            if (values.numeric) {
                Double from = k == 0 ? null : b.cuts[k - 1];
                Double to = k == b.bins() - 1 ? null : b.cuts[k];
                bins.add(new BinSpec(numericLabel(from, to), from, to, null, numericReason(s, from, to), points[k],
                        round(b.woe[k]), b.goods[k], b.bads[k]));
            } else {
                List<String> binValues = new ArrayList<>(b.values.get(k));
                if (s.alsoMeans() != null) {
                    s.alsoMeans().forEach((extra, like) -> {
                        if (binValues.contains(like) && !binValues.contains(extra)) {
                            binValues.add(extra);
                        }
                    });
                }
                present.addAll(binValues);
                bins.add(new BinSpec(String.join(" / ", b.values.get(k)), null, null, binValues,
                        choiceReason(s, b.values.get(k)), points[k], round(b.woe[k]), b.goods[k], b.bads[k]));
            }
        }
        BinSpec missing = new BinSpec("missing", null, null, null,
                s.missingLabel() == null ? s.name() + " non renseigné" : s.missingLabel(), points[b.bins()],
                round(b.woe[b.bins()]), b.missingGoods, b.missingBads);
        List<String> order = null;
        if (!values.numeric && s.monotonicOrder() != null) {
            order = s.monotonicOrder().stream().filter(present::contains).toList();
        }
        String monotonic = values.numeric ? (s.monotonic() == null ? "none" : s.monotonic())
                : (order == null ? "none" : "increasing");
        return new CharacteristicSpec(s.name(), s.code(), s.kind(), s.attribute(), s.derivation(),
                values.derivation == null ? null : values.derivation.sources(), monotonic, order, round(coefficient),
                round(b.iv), round(average), bins, missing);
    }

    private static List<GradeBandSpec> gradeBands(int[] sorted) {
        List<GradeBandSpec> bands = new ArrayList<>();
        Integer previous = null;
        for (int g = 0; g < GRADES_LOW_TO_HIGH.length; g++) {
            Integer to = null;
            if (g < GRADES_LOW_TO_HIGH.length - 1) {
                // Quintiles of the training scores; a band is never empty.
                to = sorted[Math.min(sorted.length - 1, (int) Math.floor((g + 1) * sorted.length / 5.0))];
                if (previous != null && to <= previous) {
                    to = previous + 1;
                }
            }
            bands.add(new GradeBandSpec(GRADES_LOW_TO_HIGH[g], previous, to));
            previous = to;
        }
        return bands;
    }

    private static ThresholdsSpec thresholds(TrainingMapping mapping) {
        var d = mapping.decision();
        return new ThresholdsSpec(scoreAtPd(mapping, d.approveMaxPd()), scoreAtPd(mapping, d.declineMinPd()));
    }

    /** The lowest integer score whose PD through the scaling is at most {@code pd}. */
    static int scoreAtPd(TrainingMapping mapping, double pd) {
        var s = mapping.scaling();
        double odds = (1 - pd) / pd;
        double score = s.baseScore() + s.pdo() * Math.log(odds / s.baseOdds()) / Math.log(2);
        return (int) Math.ceil(score - 1e-9);
    }

    private static List<BucketSpec> distribution(int[] sorted) {
        List<Integer> cuts = new ArrayList<>();
        for (int d = 1; d < 10; d++) {
            int cut = sorted[(int) Math.floor(d * sorted.length / 10.0)];
            if ((cuts.isEmpty() || cut > cuts.get(cuts.size() - 1)) && cut > sorted[0]) {
                cuts.add(cut);
            }
        }
        List<BucketSpec> buckets = new ArrayList<>();
        int start = 0;
        for (int b = 0; b <= cuts.size(); b++) {
            Integer from = b == 0 ? null : cuts.get(b - 1);
            Integer to = b == cuts.size() ? null : cuts.get(b);
            int end = start;
            while (end < sorted.length && (to == null || sorted[end] < to)) {
                end++;
            }
            buckets.add(new BucketSpec(from, to, round((double) (end - start) / sorted.length)));
            start = end;
        }
        // Rounded shares must still sum to 1: the largest bucket takes the rounding difference.
        double sum = buckets.stream().mapToDouble(BucketSpec::share).sum();
        int largest = 0;
        for (int i = 1; i < buckets.size(); i++) {
            if (buckets.get(i).share() > buckets.get(largest).share()) {
                largest = i;
            }
        }
        BucketSpec l = buckets.get(largest);
        buckets.set(largest, new BucketSpec(l.from(), l.to(), round(l.share() + 1 - sum)));
        return buckets;
    }

    static String numericLabel(Double from, Double to) {
        if (from == null && to == null) {
            return "all";
        }
        if (from == null) {
            return "< " + num(to);
        }
        if (to == null) {
            return "≥ " + num(from);
        }
        return "[" + num(from) + ", " + num(to) + ")";
    }

    private static String numericReason(CharacteristicSettings s, Double from, Double to) {
        String unit = s.unit() == null || s.unit().isEmpty() ? "" : " " + s.unit();
        String range;
        if (from == null && to == null) {
            range = "toute valeur";
        } else if (from == null && s.belowZeroLabel() != null && to <= 0) {
            return s.belowZeroLabel();
        } else if (from == null) {
            range = "moins de " + num(to) + unit + (s.belowZeroLabel() != null
                    ? " (ou " + Character.toLowerCase(s.belowZeroLabel().charAt(0)) + s.belowZeroLabel().substring(1) + ")"
                    : "");
        } else if (to == null) {
            range = num(from) + unit + " ou plus";
        } else {
            range = "de " + num(from) + " à moins de " + num(to) + unit;
        }
        return s.reasonPrefix() + " : " + range;
    }

    private static String choiceReason(CharacteristicSettings s, List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            String label = s.labels() == null ? null : s.labels().get(v);
            if (label == null) {
                label = (s.reasonPrefix() == null ? s.name() : s.reasonPrefix()) + " : " + v;
            }
            if (sb.length() > 0) {
                sb.append(" ou ").append(Character.toLowerCase(label.charAt(0))).append(label.substring(1));
            } else {
                sb.append(label);
            }
        }
        return sb.toString();
    }

    static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    static double round(double d) {
        return Math.round(d * 1e6) / 1e6;
    }

    static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}

package com.partnerb2b.scorecard.trainer;

import com.partnerb2b.scorecard.ScoreResult;
import com.partnerb2b.scorecard.Scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Approval rates at the default approve cut-off per group of each protected column, and each rate
 * as a ratio to the best-approved group of that column (the four-fifths rule is a screen: a ratio
 * under 0.8 asks for a look, it proves nothing by itself). The observed bad rate of each group, and
 * the ratio when one named characteristic scores everyone at its average, help read a gap.
 */
final class FairnessReport {
    record Row(String column, String group, int count, double approvalRate, double ratio, double observedBadRate,
               double ratioNeutralised) {
    }

    private FairnessReport() {
    }

    static List<Row> table(TrainingMapping mapping, Dataset data, Scorecard scorecard, List<ScoreResult> results) {
        int approveFrom = scorecard.defaultThresholds().approveFrom();
        String neutral = mapping.fairnessNeutralise();
        double neutralAverage = 0;
        if (neutral != null) {
            for (var c : scorecard.file().characteristics()) {
                if (c.name().equals(neutral)) {
                    neutralAverage = c.averagePoints();
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (var entry : data.protectedGroups.entrySet()) {
            String[] groups = entry.getValue();
            var spec = mapping.protectedColumns().stream().filter(p -> p.name().equals(entry.getKey())).findFirst()
                    .orElseThrow();
            // Bands in their numeric order, codes alphabetically.
            Comparator<String> order = spec.bands() == null ? Comparator.naturalOrder()
                    : Comparator.comparingInt(g -> bandIndex(spec.bands(), g));
            Map<String, int[]> counts = new TreeMap<>(order); // group → {n, approved, bads, approvedNeutralised}
            for (int i = 0; i < groups.length; i++) {
                int[] c = counts.computeIfAbsent(groups[i], k -> new int[4]);
                ScoreResult r = results.get(i);
                c[0]++;
                c[1] += r.score() >= approveFrom ? 1 : 0;
                c[2] += data.bad[i] ? 1 : 0;
                if (neutral != null) {
                    Integer p = r.pointsByCharacteristic().get(neutral);
                    double s = r.score() - (p == null ? 0 : p) + neutralAverage;
                    c[3] += s >= approveFrom ? 1 : 0;
                }
            }
            double best = 0;
            double bestNeutral = 0;
            for (int[] c : counts.values()) {
                best = Math.max(best, (double) c[1] / c[0]);
                bestNeutral = Math.max(bestNeutral, (double) c[3] / c[0]);
            }
            for (var g : counts.entrySet()) {
                int[] c = g.getValue();
                double rate = (double) c[1] / c[0];
                rows.add(new Row(entry.getKey(), g.getKey(), c[0], rate, best == 0 ? Double.NaN : rate / best,
                        (double) c[2] / c[0], neutral == null || bestNeutral == 0 ? Double.NaN
                        : ((double) c[3] / c[0]) / bestNeutral));
            }
        }
        return rows;
    }

    private static int bandIndex(List<Double> bands, String label) {
        for (int i = 0; i <= bands.size(); i++) {
            if (Dataset.bandLabel(bands, i).equals(label)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}

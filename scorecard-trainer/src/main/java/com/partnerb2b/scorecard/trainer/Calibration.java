package com.partnerb2b.scorecard.trainer;

import com.partnerb2b.scorecard.ScoreBucket;
import com.partnerb2b.scorecard.Scorecard;

import java.util.ArrayList;
import java.util.List;

/** Predicted PD (through the scaling) against the observed bad rate, per training score bucket. */
final class Calibration {
    record Row(int from, int to, int count, int bads, double predictedPd, double observedBadRate) {
    }

    private Calibration() {
    }

    static List<Row> table(Scorecard scorecard, int[] scores, boolean[] bad) {
        List<Row> rows = new ArrayList<>();
        for (ScoreBucket bucket : scorecard.trainingDistribution()) {
            int n = 0;
            int b = 0;
            double pd = 0;
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] >= bucket.fromInclusive() && scores[i] < bucket.toExclusive()) {
                    n++;
                    b += bad[i] ? 1 : 0;
                    pd += scorecard.probabilityOfDefault(scores[i]);
                }
            }
            rows.add(new Row(bucket.fromInclusive(), bucket.toExclusive(), n, b, n == 0 ? Double.NaN : pd / n,
                    n == 0 ? Double.NaN : (double) b / n));
        }
        return rows;
    }
}

package com.partnerb2b.scorecard.trainer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinningTest {

    @Test
    void cutsAreTheRoundestNumbersBetweenAdjacentValues() {
        assertEquals(11.0, Binning.roundestIn(10, 11));
        assertEquals(20.0, Binning.roundestIn(15.000001, 22.4999999));
        assertEquals(50000.0, Binning.roundestIn(49990, 50000));
        assertEquals(-1.0, Binning.roundestIn(-2, -1));
        assertEquals(0.3, Binning.roundestIn(0.25, 0.31));
        assertEquals(35.0, Binning.cutBetween(25, 35), "a round value is its own cut");
        assertEquals(20.0, Binning.cutBetween(15, 22.500001));
        assertEquals(35.0, Binning.cutBetween(25.0000000001, 34.99999999999));
        assertEquals(49870.0, Binning.cutBetween(49850, 49873));
        assertEquals(49000.0, Binning.cutBetween(48500, 49873));
    }

    @Test
    void monotonicDeclarationMergesViolatingBins() {
        // values 1..4, bad rates 10 %, 30 %, 20 %, 40 %: decreasing goodness needs 2 and 3 merged
        double[] x = new double[400];
        boolean[] bad = new boolean[400];
        int[] rows = new int[400];
        int[] badsPerValue = {10, 30, 20, 40};
        for (int i = 0; i < 400; i++) {
            int v = i / 100;
            x[i] = v + 1;
            bad[i] = i % 100 < badsPerValue[v];
            rows[i] = i;
        }
        Binning b = Binning.numeric(x, bad, rows, -1, 20, 0.05, 10);
        assertArrayEquals(new double[]{2, 4}, b.cuts);
        assertArrayEquals(new int[]{10, 50, 40}, b.bads);
        for (int k = 1; k < b.bins(); k++) {
            assertTrue(b.woe[k] <= b.woe[k - 1]);
        }
    }

    @Test
    void smallChoicesMergeAndMissingKeepsItsOwnBin() {
        String[] x = new String[200];
        boolean[] bad = new boolean[200];
        int[] rows = new int[200];
        for (int i = 0; i < 200; i++) {
            x[i] = i < 95 ? "a" : i < 190 ? "b" : i < 194 ? "rare" : null;
            bad[i] = i % 3 == 0;
            rows[i] = i;
        }
        Binning b = Binning.choice(x, bad, rows, null, 0.05, 6);
        assertEquals(2, b.bins());
        assertTrue(b.values.stream().anyMatch(v -> v.contains("rare") && v.size() == 2));
        assertEquals(6, b.missingGoods + b.missingBads);
        assertTrue(b.missingTakesWorst, "6 rows < 5 % of 200: the missing bin takes the worst WoE");
        assertEquals(List.of("a", "b", "rare").size(), b.values.stream().mapToInt(List::size).sum());
    }

    @Test
    void logisticRegressionRecoversAKnownSlope() {
        // P(bad) = 1 / (1 + e^-(0.5 - 1.0 x)) on a grid, weighted by repeating rows in proportion
        int n = 0;
        double[][] x = new double[2000][1];
        boolean[] bad = new boolean[2000];
        for (int g = 0; g < 20; g++) {
            double xi = -2 + g * 0.2;
            double p = 1 / (1 + Math.exp(-(0.5 - xi)));
            int bads = (int) Math.round(p * 100);
            for (int k = 0; k < 100; k++) {
                x[n][0] = xi;
                bad[n] = k < bads;
                n++;
            }
        }
        double[] beta = LogisticRegression.fit(x, bad, 0);
        assertEquals(0.5, beta[0], 0.02);
        assertEquals(-1.0, beta[1], 0.02);
    }
}

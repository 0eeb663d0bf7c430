package com.partnerb2b.scorecard.trainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Discrimination measures of a score (higher = better risk) against bad labels. */
final class Metrics {
    private Metrics() {
    }

    /** P(a random good scores above a random bad), ties counting half (Mann–Whitney). */
    static double auc(int[] score, boolean[] bad) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(score[a], score[b]));
        double goodRankSum = 0;
        long goods = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && score[order[j]] == score[order[i]]) {
                j++;
            }
            double midRank = (i + 1 + j) / 2.0;
            for (int t = i; t < j; t++) {
                if (!bad[order[t]]) {
                    goodRankSum += midRank;
                    goods++;
                }
            }
            i = j;
        }
        long bads = n - goods;
        return (goodRankSum - goods * (goods + 1) / 2.0) / ((double) goods * bads);
    }

    /** Largest gap between the cumulative score distributions of bads and goods. */
    static double ks(int[] score, boolean[] bad) {
        List<double[]> roc = roc(score, bad);
        double ks = 0;
        for (double[] point : roc) {
            ks = Math.max(ks, Math.abs(point[1] - point[0]));
        }
        return ks;
    }

    /**
     * ROC points {false-positive rate (goods declined), true-positive rate (bads declined)} as the
     * decline cut-off rises through every score.
     */
    static List<double[]> roc(int[] score, boolean[] bad) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(score[a], score[b]));
        long bads = 0;
        for (boolean b : bad) {
            bads += b ? 1 : 0;
        }
        long goods = n - bads;
        List<double[]> points = new ArrayList<>();
        points.add(new double[]{0, 0});
        long g = 0;
        long b = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && score[order[j]] == score[order[i]]) {
                if (bad[order[j]]) {
                    b++;
                } else {
                    g++;
                }
                j++;
            }
            points.add(new double[]{(double) g / goods, (double) b / bads});
            i = j;
        }
        return points;
    }

    static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    static double sd(double[] values) {
        double m = mean(values);
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (values.length - 1));
    }
}

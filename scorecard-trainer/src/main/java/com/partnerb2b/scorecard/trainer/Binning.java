package com.partnerb2b.scorecard.trainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bins of one characteristic fitted on a set of rows: fine classing (quantiles for a number, one bin
 * per value for a choice), then coarse merging — monotonic bad rate where declared (merge adjacent
 * violators), bins under the minimum size merged into the neighbour they differ least from
 * (chi-square), then the closest pairs merged until at most maxBins remain. The missing values form
 * their own bin, never merged.
 */
final class Binning {
    /** Numeric: upper bounds (exclusive) of every bin but the last. Choice: null. */
    final double[] cuts;
    /** Choice: values of each bin. Numeric: null. */
    final List<List<String>> values;
    final int[] goods;
    final int[] bads;
    final int missingGoods;
    final int missingBads;
    /** WoE = ln(share of goods / share of bads) per bin; the missing bin last. */
    final double[] woe;
    final double iv;
    /** True when the missing bin had too few rows and took the worst bin's WoE (conservative). */
    final boolean missingTakesWorst;
    private final Map<String, Integer> binOfValue;

    private Binning(double[] cuts, List<List<String>> values, int[] goods, int[] bads, int missingGoods, int missingBads,
                    int minCount) {
        this.cuts = cuts;
        this.values = values;
        this.goods = goods;
        this.bads = bads;
        this.missingGoods = missingGoods;
        this.missingBads = missingBads;
        int g = missingGoods;
        int b = missingBads;
        for (int i = 0; i < goods.length; i++) {
            g += goods[i];
            b += bads[i];
        }
        int n = goods.length;
        woe = new double[n + 1];
        double worst = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            woe[i] = woe(goods[i], bads[i], g, b);
            worst = Math.min(worst, woe[i]);
        }
        missingTakesWorst = missingGoods + missingBads < minCount;
        woe[n] = missingTakesWorst ? worst : woe(missingGoods, missingBads, g, b);
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            int gi = i < n ? goods[i] : missingGoods;
            int bi = i < n ? bads[i] : missingBads;
            sum += ((double) gi / g - (double) bi / b) * woe[i];
        }
        iv = sum;
        if (values != null) {
            binOfValue = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                for (String v : values.get(i)) {
                    binOfValue.put(v, i);
                }
            }
        } else {
            binOfValue = null;
        }
    }

    private static double woe(int goods, int bads, int totalGoods, int totalBads) {
        // Half a count where a bin has no goods or no bads, so that its WoE stays finite.
        double g = goods == 0 ? 0.5 : goods;
        double b = bads == 0 ? 0.5 : bads;
        return Math.log((g / totalGoods) / (b / totalBads));
    }

    int bins() {
        return goods.length;
    }

    int binOf(double x) {
        if (Double.isNaN(x)) {
            return goods.length;
        }
        int i = 0;
        while (i < cuts.length && x >= cuts[i]) {
            i++;
        }
        return i;
    }

    int binOf(String value) {
        if (value == null) {
            return goods.length;
        }
        Integer i = binOfValue.get(value);
        return i == null ? goods.length : i;
    }

    /** One group of fine bins being merged. */
    private static final class Group {
        double lower; // numeric: lower bound of the group (first group: -inf)
        final List<String> values = new ArrayList<>();
        int goods;
        int bads;
        final boolean chain; // ordered (numeric, or a choice listed in monotonicOrder)

        Group(double lower, boolean chain) {
            this.lower = lower;
            this.chain = chain;
        }

        int n() {
            return goods + bads;
        }

        double badRate() {
            return n() == 0 ? 0 : (double) bads / n();
        }
    }

    /**
     * direction: +1 when goodness must rise along the chain (bad rate never rises), −1 the reverse, 0 free.
     */
    static Binning numeric(double[] x, boolean[] bad, int[] rows, int direction, int maxFineBins, double minBinShare,
                           int maxBins) {
        int missingGoods = 0;
        int missingBads = 0;
        List<double[]> present = new ArrayList<>();
        for (int r : rows) {
            if (Double.isNaN(x[r])) {
                if (bad[r]) {
                    missingBads++;
                } else {
                    missingGoods++;
                }
            } else {
                present.add(new double[]{x[r], bad[r] ? 1 : 0});
            }
        }
        present.sort((a, b) -> Double.compare(a[0], b[0]));
        int m = present.size();
        // Fine classing: a cut wherever a quantile step lands, at a change of value.
        List<Group> groups = new ArrayList<>();
        Group current = new Group(Double.NEGATIVE_INFINITY, true);
        groups.add(current);
        double step = (double) m / maxFineBins;
        double nextCut = step;
        boolean everyValue = fewDistinct(present, maxFineBins);
        for (int i = 0; i < m; i++) {
            double v = present.get(i)[0];
            double previous = i == 0 ? v : present.get(i - 1)[0];
            if (i > 0 && distinct(previous, v) && (i >= nextCut || everyValue)) {
                current = new Group(cutBetween(previous, v), true);
                groups.add(current);
                while (nextCut <= i) {
                    nextCut += step;
                }
            }
            if (present.get(i)[1] == 1) {
                current.bads++;
            } else {
                current.goods++;
            }
        }
        int minCount = (int) Math.ceil(minBinShare * rows.length);
        merge(groups, direction, minCount, maxBins);
        double[] cuts = new double[groups.size() - 1];
        int[] goods = new int[groups.size()];
        int[] bads = new int[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            if (i > 0) {
                cuts[i - 1] = groups.get(i).lower;
            }
            goods[i] = groups.get(i).goods;
            bads[i] = groups.get(i).bads;
        }
        return new Binning(cuts, null, goods, bads, missingGoods, missingBads, minCount);
    }

    /** Values closer than a relative 1e-9 are one value (a derived ratio is not exact in floating point). */
    static boolean distinct(double a, double b) {
        return Math.abs(b - a) > 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /**
     * Any cut in (previous, v] splits the rows the same way. At v itself when v is a round number (a
     * class bound such as 100, 4 or 35 stays the bound); otherwise the roundest number there (no
     * float noise such as 22.500000001, no 49,873 where 49,900 would do).
     */
    static double cutBetween(double previous, double v) {
        // v read to 9 digits first: a derived ratio lands on 35.00000001 or 34.99999999 for 35.
        double nine = new java.math.BigDecimal(v).round(new java.math.MathContext(9)).doubleValue();
        double three = new java.math.BigDecimal(nine).round(new java.math.MathContext(3)).doubleValue();
        if (three == nine && nine > previous && distinct(previous, nine)) {
            return nine;
        }
        return roundestIn(previous, v);
    }

    /** The number with the fewest significant digits in (lo, hi]. */
    static double roundestIn(double lo, double hi) {
        for (int exponent = 15; exponent >= -9; exponent--) {
            double scale = Math.pow(10, exponent);
            double candidate = Math.floor(hi / scale) * scale;
            // Re-derive through a decimal string so that the cut prints as it reads (0.1, not 0.1000000000001).
            candidate = Double.parseDouble(new java.math.BigDecimal(candidate)
                    .round(new java.math.MathContext(15)).stripTrailingZeros().toPlainString());
            if (candidate > lo && candidate <= hi) {
                return candidate;
            }
        }
        return hi;
    }

    /** True when the sorted values take at most {@code limit} distinct values. */
    private static boolean fewDistinct(List<double[]> sorted, int limit) {
        int distinct = 0;
        for (int i = 0; i < sorted.size() && distinct <= limit; i++) {
            if (i == 0 || distinct(sorted.get(i - 1)[0], sorted.get(i)[0])) {
                distinct++;
            }
        }
        return distinct <= limit;
    }

    /** order: values from worst to best (merged as a chain, goodness never falling); the others are free. */
    static Binning choice(String[] x, boolean[] bad, int[] rows, List<String> order, double minBinShare, int maxBins) {
        int missingGoods = 0;
        int missingBads = 0;
        Map<String, int[]> counts = new TreeMap<>();
        for (int r : rows) {
            if (x[r] == null) {
                if (bad[r]) {
                    missingBads++;
                } else {
                    missingGoods++;
                }
            } else {
                counts.computeIfAbsent(x[r], k -> new int[2])[bad[r] ? 1 : 0]++;
            }
        }
        List<Group> groups = new ArrayList<>();
        List<String> chain = order == null ? List.of() : order;
        for (String v : chain) {
            int[] c = counts.get(v);
            if (c != null) {
                Group g = new Group(0, true);
                g.values.add(v);
                g.goods = c[0];
                g.bads = c[1];
                groups.add(g);
            }
        }
        for (var e : counts.entrySet()) {
            if (!chain.contains(e.getKey())) {
                Group g = new Group(0, false);
                g.values.add(e.getKey());
                g.goods = e.getValue()[0];
                g.bads = e.getValue()[1];
                groups.add(g);
            }
        }
        int minCount = (int) Math.ceil(minBinShare * rows.length);
        merge(groups, order == null ? 0 : 1, minCount, maxBins);
        List<List<String>> values = new ArrayList<>();
        int[] goods = new int[groups.size()];
        int[] bads = new int[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            values.add(List.copyOf(groups.get(i).values));
            goods[i] = groups.get(i).goods;
            bads[i] = groups.get(i).bads;
        }
        return new Binning(null, values, goods, bads, missingGoods, missingBads, minCount);
    }

    private static void merge(List<Group> groups, int direction, int minCount, int maxBins) {
        enforceMonotonic(groups, direction);
        while (groups.size() > 1) {
            int smallest = -1;
            for (int i = 0; i < groups.size(); i++) {
                if (groups.get(i).n() < minCount && (smallest < 0 || groups.get(i).n() < groups.get(smallest).n())) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                break;
            }
            int best = -1;
            double bestChi = Double.POSITIVE_INFINITY;
            for (int j = 0; j < groups.size(); j++) {
                if (j != smallest && mergeable(groups, smallest, j)) {
                    double chi = chiSquare(groups.get(smallest), groups.get(j));
                    if (chi < bestChi) {
                        bestChi = chi;
                        best = j;
                    }
                }
            }
            mergePair(groups, Math.min(smallest, best), Math.max(smallest, best));
            enforceMonotonic(groups, direction);
        }
        while (groups.size() > maxBins) {
            int bi = -1;
            int bj = -1;
            double bestChi = Double.POSITIVE_INFINITY;
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    if (mergeable(groups, i, j)) {
                        double chi = chiSquare(groups.get(i), groups.get(j));
                        if (chi < bestChi) {
                            bestChi = chi;
                            bi = i;
                            bj = j;
                        }
                    }
                }
            }
            mergePair(groups, bi, bj);
            enforceMonotonic(groups, direction);
        }
    }

    /** Chain groups merge only with their neighbours; a free group (a choice outside the order) with any group. */
    private static boolean mergeable(List<Group> groups, int i, int j) {
        Group a = groups.get(i);
        Group b = groups.get(j);
        if (a.chain && b.chain) {
            return Math.abs(i - j) == 1;
        }
        return true;
    }

    private static void enforceMonotonic(List<Group> groups, int direction) {
        if (direction == 0) {
            return;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i + 1 < groups.size(); i++) {
                Group a = groups.get(i);
                Group b = groups.get(i + 1);
                if (!a.chain || !b.chain) {
                    continue;
                }
                boolean violates = direction > 0 ? b.badRate() > a.badRate() : b.badRate() < a.badRate();
                if (violates) {
                    mergePair(groups, i, i + 1);
                    changed = true;
                    break;
                }
            }
        }
    }

    /** Merges group j into group i (i < j); a merged group is in the chain if either was. */
    private static void mergePair(List<Group> groups, int i, int j) {
        Group a = groups.get(i);
        Group b = groups.get(j);
        Group keep = a.chain || !b.chain ? a : b;
        Group gone = keep == a ? b : a;
        keep.goods += gone.goods;
        keep.bads += gone.bads;
        keep.values.addAll(gone.values);
        keep.lower = Math.min(keep.lower, gone.lower);
        groups.remove(gone);
    }

    private static double chiSquare(Group a, Group b) {
        double n = a.n() + b.n();
        double goods = a.goods + b.goods;
        double bads = a.bads + b.bads;
        if (goods == 0 || bads == 0 || a.n() == 0 || b.n() == 0) {
            return 0;
        }
        double chi = 0;
        for (Group g : new Group[]{a, b}) {
            double eg = g.n() * goods / n;
            double eb = g.n() * bads / n;
            chi += (g.goods - eg) * (g.goods - eg) / eg + (g.bads - eb) * (g.bads - eb) / eb;
        }
        return chi;
    }

    @Override
    public String toString() {
        return "Binning" + (cuts != null ? Arrays.toString(cuts) : values) + " iv=" + iv;
    }
}

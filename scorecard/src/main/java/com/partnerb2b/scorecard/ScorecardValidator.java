package com.partnerb2b.scorecard;

import com.partnerb2b.scorecard.format.BinSpec;
import com.partnerb2b.scorecard.format.BucketSpec;
import com.partnerb2b.scorecard.format.CharacteristicSpec;
import com.partnerb2b.scorecard.format.GradeBandSpec;
import com.partnerb2b.scorecard.format.ScorecardFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a scorecard file completely, then compiles it; the first problem found is reported with its place. */
final class ScorecardValidator {
    private final String source;

    private ScorecardValidator(String source) {
        this.source = source;
    }

    static Scorecard compile(ScorecardFile file, String source) {
        return new ScorecardValidator(source).compile(file);
    }

    private ScorecardException problem(String where, String what) {
        return new ScorecardException("scorecard " + source + ": " + (where.isEmpty() ? "" : where + ": ") + what);
    }

    private <T> T required(T value, String where, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw problem(where, "missing field '" + field + "'");
        }
        return value;
    }

    private Scorecard compile(ScorecardFile f) {
        Integer format = required(f.format(), "", "format");
        if (format != ScorecardFile.CURRENT_FORMAT) {
            throw problem("", "unsupported format version " + format + " (this reader knows format "
                    + ScorecardFile.CURRENT_FORMAT + ")");
        }
        required(f.name(), "", "name");
        required(f.version(), "", "version");
        required(f.scaling(), "", "scaling");
        required(f.scaling().baseScore(), "scaling", "baseScore");
        if (!(required(f.scaling().baseOdds(), "scaling", "baseOdds") > 0)) {
            throw problem("scaling", "baseOdds must be > 0, is " + f.scaling().baseOdds());
        }
        if (!(required(f.scaling().pdo(), "scaling", "pdo") > 0)) {
            throw problem("scaling", "pdo must be > 0, is " + f.scaling().pdo());
        }
        required(f.basePoints(), "", "basePoints");
        List<CharacteristicSpec> specs = required(f.characteristics(), "", "characteristics");
        if (specs.isEmpty()) {
            throw problem("", "'characteristics' is empty");
        }
        CompiledCharacteristic[] compiled = new CompiledCharacteristic[specs.size()];
        Set<String> names = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            CharacteristicSpec c = specs.get(i);
            if (c == null) {
                throw problem("characteristics[" + i + "]", "is null");
            }
            String where = "characteristic " + (c.name() == null ? "#" + (i + 1) : "'" + c.name() + "'");
            required(c.name(), where, "name");
            required(c.code(), where, "code");
            if (!names.add(c.name())) {
                throw problem(where, "name used twice");
            }
            if (!codes.add(c.code())) {
                throw problem(where, "reason code '" + c.code() + "' used twice");
            }
            compiled[i] = characteristic(c, where);
        }
        return gradesAndRest(f, compiled);
    }

    private CompiledCharacteristic characteristic(CharacteristicSpec c, String where) {
        String kind = required(c.kind(), where, "kind");
        boolean numeric;
        if (kind.equals("numeric")) {
            numeric = true;
        } else if (kind.equals("choice")) {
            numeric = false;
        } else {
            throw problem(where, "unknown kind '" + kind + "' (expected numeric or choice)");
        }
        Derivation derivation = null;
        String attributeNames;
        if (c.derivation() != null) {
            if (c.attribute() != null) {
                throw problem(where, "has both 'attribute' and 'derivation'; give one");
            }
            derivation = Derivation.byFileName(c.derivation());
            if (derivation == null) {
                throw problem(where, "unknown derivation '" + c.derivation() + "' (known: " + Derivation.known() + ")");
            }
            if (!numeric) {
                throw problem(where, "derivation '" + c.derivation() + "' gives a number; kind must be numeric");
            }
            if (c.attributes() != null && !c.attributes().equals(derivation.sources())) {
                throw problem(where, "derivation '" + c.derivation() + "' reads " + derivation.sources()
                        + ", the file declares " + c.attributes());
            }
            attributeNames = String.join(",", derivation.sources());
        } else {
            attributeNames = required(c.attribute(), where, "attribute (or derivation)");
        }
        List<BinSpec> bins = required(c.bins(), where, "bins");
        if (bins.isEmpty()) {
            throw problem(where, "'bins' is empty");
        }
        BinSpec missingBin = required(c.missingBin(), where, "missingBin");
        double average = required(c.averagePoints(), where, "averagePoints");
        int n = bins.size();
        int[] points = new int[n + 1];
        Reason[] reasons = new Reason[n + 1];
        double[] below = new double[n + 1];
        double[] upper = numeric ? new double[n - 1] : null;
        Map<String, Integer> binOfValue = numeric ? null : new HashMap<>();
        for (int b = 0; b <= n; b++) {
            BinSpec bin = b < n ? bins.get(b) : missingBin;
            String binWhere = where + (b < n ? " bin " + (b + 1) : " missingBin");
            if (bin == null) {
                throw problem(binWhere, "is null");
            }
            String label = required(bin.label(), binWhere, "label");
            binWhere += " (" + label + ")";
            String reasonLabel = required(bin.reason(), binWhere, "reason");
            points[b] = required(bin.points(), binWhere, "points");
            below[b] = average - points[b];
            if (below[b] > 0) {
                reasons[b] = new Reason(c.code(), c.name(), attributeNames, label, reasonLabel, below[b]);
            }
            if (b == n) {
                if (bin.from() != null || bin.to() != null || bin.values() != null) {
                    throw problem(binWhere, "the missing bin takes no from/to/values");
                }
            } else if (numeric) {
                numericBin(bins, b, bin, binWhere, upper);
            } else {
                List<String> values = required(bin.values(), binWhere, "values");
                if (values.isEmpty()) {
                    throw problem(binWhere, "'values' is empty");
                }
                for (String v : values) {
                    Integer previous = binOfValue.put(required(v, binWhere, "values[]"), b);
                    if (previous != null) {
                        throw problem(binWhere, "value '" + v + "' is also in bin " + (previous + 1)
                                + " (bins overlap)");
                    }
                }
            }
        }
        monotonic(c, where, numeric, points, binOfValue);
        return new CompiledCharacteristic(c.name(), c.derivation() == null ? c.attribute() : null, derivation, numeric,
                upper, binOfValue == null ? null : Map.copyOf(binOfValue), points, reasons, below);
    }

    private void numericBin(List<BinSpec> bins, int b, BinSpec bin, String where, double[] upper) {
        int n = bins.size();
        if (b == 0 && bin.from() != null) {
            throw problem(where, "the first bin must be open below (no 'from'), has from " + bin.from());
        }
        if (b == n - 1 && bin.to() != null) {
            throw problem(where, "the last bin must be open above (no 'to'), has to " + bin.to());
        }
        if (b > 0) {
            Double from = required(bin.from(), where, "from");
            if (from.isNaN()) {
                throw problem(where, "'from' is not a number");
            }
            double previousTo = upper[b - 1];
            if (from < previousTo) {
                throw problem(where, "overlaps the previous bin (from " + fmt(from) + " < previous to "
                        + fmt(previousTo) + ")");
            }
            if (from > previousTo) {
                throw problem(where, "leaves a gap after the previous bin (previous to " + fmt(previousTo)
                        + ", from " + fmt(from) + ")");
            }
        }
        if (b < n - 1) {
            Double to = required(bin.to(), where, "to");
            if (to.isNaN() || to.isInfinite()) {
                throw problem(where, "'to' is not a finite number");
            }
            if (b > 0 && !(to > bin.from())) {
                throw problem(where, "is empty or reversed (from " + fmt(bin.from()) + ", to " + fmt(to) + ")");
            }
            upper[b] = to;
        }
    }

    private void monotonic(CharacteristicSpec c, String where, boolean numeric, int[] points,
                           Map<String, Integer> binOfValue) {
        String monotonic = c.monotonic() == null ? "none" : c.monotonic();
        int n = points.length - 1;
        if (numeric) {
            if (c.monotonicOrder() != null) {
                throw problem(where, "'monotonicOrder' is for choice characteristics; use 'monotonic'");
            }
            int direction = switch (monotonic) {
                case "increasing" -> 1;
                case "decreasing" -> -1;
                case "none" -> 0;
                default -> throw problem(where, "unknown monotonic '" + monotonic
                        + "' (expected increasing, decreasing or none)");
            };
            for (int b = 1; b < n && direction != 0; b++) {
                if (Integer.compare(points[b], points[b - 1]) == -direction) {
                    throw problem(where, "points are not " + monotonic + " as the file declares: bin " + b + " has "
                            + points[b - 1] + ", bin " + (b + 1) + " has " + points[b]);
                }
            }
            return;
        }
        if (!monotonic.equals("none") && !monotonic.equals("increasing")) {
            throw problem(where, "unknown monotonic '" + monotonic + "' for a choice (expected increasing along "
                    + "monotonicOrder, or none)");
        }
        List<String> order = c.monotonicOrder();
        if (monotonic.equals("increasing") && order == null) {
            throw problem(where, "monotonic 'increasing' for a choice needs 'monotonicOrder' (worst to best)");
        }
        if (order == null) {
            return;
        }
        String previous = null;
        int previousPoints = Integer.MIN_VALUE;
        for (String value : order) {
            Integer bin = binOfValue.get(value);
            if (bin == null) {
                throw problem(where, "monotonicOrder names '" + value + "', which is in no bin");
            }
            if (points[bin] < previousPoints) {
                throw problem(where, "points are not increasing along monotonicOrder as the file declares: '"
                        + previous + "' has " + previousPoints + ", '" + value + "' has " + points[bin]);
            }
            previous = value;
            previousPoints = points[bin];
        }
    }

    private Scorecard gradesAndRest(ScorecardFile f, CompiledCharacteristic[] compiled) {
        List<GradeBandSpec> bands = required(f.gradeBands(), "", "gradeBands");
        if (bands.isEmpty()) {
            throw problem("", "'gradeBands' is empty");
        }
        int[] from = new int[bands.size()];
        String[] grades = new String[bands.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            GradeBandSpec band = bands.get(i);
            String where = "gradeBands[" + i + "]";
            if (band == null) {
                throw problem(where, "is null");
            }
            grades[i] = required(band.grade(), where, "grade");
            if (!seen.add(grades[i])) {
                throw problem(where, "grade '" + grades[i] + "' appears twice");
            }
            if (i == 0) {
                if (band.from() != null) {
                    throw problem(where, "grade bands do not cover the score range: the lowest band must be open "
                            + "below (no 'from')");
                }
                from[i] = Integer.MIN_VALUE;
            } else {
                Integer previousTo = bands.get(i - 1).to();
                if (band.from() == null || previousTo == null || !band.from().equals(previousTo)) {
                    throw problem(where, "grade bands do not cover the score range: band '" + grades[i - 1]
                            + "' ends at " + previousTo + ", band '" + grades[i] + "' starts at " + band.from()
                            + " (bands are listed from the lowest score up and must touch)");
                }
                from[i] = band.from();
            }
            if (i == bands.size() - 1 && band.to() != null) {
                throw problem(where, "grade bands do not cover the score range: the highest band must be open above "
                        + "(no 'to')");
            }
            if (band.to() != null && band.from() != null && band.to() <= band.from()) {
                throw problem(where, "band '" + grades[i] + "' is empty or reversed");
            }
        }
        var t = required(f.decisionThresholds(), "", "decisionThresholds");
        int approve = required(t.approveFrom(), "decisionThresholds", "approveFrom");
        int review = required(t.reviewFrom(), "decisionThresholds", "reviewFrom");
        if (review > approve) {
            throw problem("decisionThresholds", "reviewFrom (" + review + ") is above approveFrom (" + approve + ")");
        }
        List<BucketSpec> buckets = required(f.trainingDistribution(), "", "trainingDistribution");
        if (buckets.isEmpty()) {
            throw problem("", "'trainingDistribution' is empty");
        }
        List<ScoreBucket> distribution = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < buckets.size(); i++) {
            BucketSpec b = buckets.get(i);
            String where = "trainingDistribution[" + i + "]";
            if (b == null) {
                throw problem(where, "is null");
            }
            double share = required(b.share(), where, "share");
            if (!(share >= 0 && share <= 1)) {
                throw problem(where, "share must be within [0, 1], is " + share);
            }
            if ((i == 0) != (b.from() == null) || (i == buckets.size() - 1) != (b.to() == null)) {
                throw problem(where, "only the first bucket is open below and only the last open above");
            }
            if (i > 0 && !b.from().equals(buckets.get(i - 1).to())) {
                throw problem(where, "buckets must touch: previous ends at " + buckets.get(i - 1).to()
                        + ", this one starts at " + b.from());
            }
            sum += share;
            distribution.add(new ScoreBucket(b.from() == null ? Integer.MIN_VALUE : b.from(),
                    b.to() == null ? Integer.MAX_VALUE : b.to(), share));
        }
        if (Math.abs(sum - 1.0) > 1e-6) {
            throw problem("trainingDistribution", "shares sum to " + sum + ", not 1");
        }
        required(f.training(), "", "training");
        return new Scorecard(f, compiled, from, grades, new DecisionThresholds(approve, review), List.copyOf(distribution));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}

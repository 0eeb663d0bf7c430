package com.partnerb2b.scorecard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.scorecard.format.ScorecardFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A points scorecard loaded from its file. Immutable and thread-safe; everything the score needs is
 * computed at load.
 *
 * <p>Score = base points + the points of the customer's bin in each characteristic. A missing bin is a
 * bin like the others: it has points, and it can be a reason (the customer can change it by answering).
 * Reasons follow Regulation B "method 2": points lost against the training population's average on
 * each characteristic, largest first, only positive ones, at most four.
 */
public final class Scorecard {
    /** Classpath location of the reference scorecard (copied from models/german-reference by the build). */
    public static final String REFERENCE_RESOURCE = "/scorecards/german-reference/scorecard.json";
    private static final int MAX_REASONS = 4;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final ScorecardFile file;
    private final CompiledCharacteristic[] characteristics;
    private final String[] characteristicNames;
    private final Map<String, Integer> characteristicIndex;
    private final int basePoints;
    private final double baseScore;
    private final double baseOdds;
    private final double pdo;
    /** Lower bound of each grade band, ascending; grades in the same order. */
    private final int[] gradeFrom;
    private final String[] grades;
    private final DecisionThresholds thresholds;
    private final List<ScoreBucket> distribution;

    Scorecard(ScorecardFile file, CompiledCharacteristic[] characteristics, int[] gradeFrom, String[] grades,
              DecisionThresholds thresholds, List<ScoreBucket> distribution) {
        this.file = file;
        this.characteristics = characteristics;
        this.characteristicNames = Arrays.stream(characteristics).map(c -> c.name).toArray(String[]::new);
        this.characteristicIndex = PointsByCharacteristic.indexOf(characteristicNames);
        this.basePoints = file.basePoints();
        this.baseScore = file.scaling().baseScore();
        this.baseOdds = file.scaling().baseOdds();
        this.pdo = file.scaling().pdo();
        this.gradeFrom = gradeFrom;
        this.grades = grades;
        this.thresholds = thresholds;
        this.distribution = distribution;
    }

    /** Reads and validates a scorecard file; the exception message names {@code sourceName} and the problem. */
    public static Scorecard read(InputStream json, String sourceName) {
        ScorecardFile file;
        try {
            file = MAPPER.readValue(json, ScorecardFile.class);
        } catch (JsonProcessingException e) {
            throw new ScorecardException("scorecard " + sourceName + ": not a readable scorecard JSON document: "
                    + e.getOriginalMessage() + locationOf(e), e);
        } catch (IOException e) {
            throw new ScorecardException("scorecard " + sourceName + ": cannot be read: " + e.getMessage(), e);
        }
        if (file == null) {
            throw new ScorecardException("scorecard " + sourceName + ": the file is empty");
        }
        return ScorecardValidator.compile(file, sourceName);
    }

    public static Scorecard load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new ScorecardException("scorecard " + file + ": cannot be read: " + e, e);
        }
    }

    /** The reference scorecard shipped on the classpath, loaded once. */
    public static Scorecard reference() {
        return ReferenceHolder.REFERENCE;
    }

    private static final class ReferenceHolder {
        static final Scorecard REFERENCE = loadReference();

        private static Scorecard loadReference() {
            try (InputStream in = Scorecard.class.getResourceAsStream(REFERENCE_RESOURCE)) {
                if (in == null) {
                    throw new ScorecardException("scorecard classpath:" + REFERENCE_RESOURCE + ": not on the classpath");
                }
                return read(in, "classpath:" + REFERENCE_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public String name() {
        return file.name();
    }

    public String version() {
        return file.version();
    }

    public String id() {
        return file.name() + ":" + file.version();
    }

    public DecisionThresholds defaultThresholds() {
        return thresholds;
    }

    public List<ScoreBucket> trainingDistribution() {
        return distribution;
    }

    /** The file as read (for tooling: the trainer's checks, the model card). */
    public ScorecardFile file() {
        return file;
    }

    /** Characteristic names in file order (the keys of {@link ScoreResult#pointsByCharacteristic()}). */
    public List<String> characteristicNames() {
        return List.of(characteristicNames);
    }

    /** Odds good:bad of a score through the file's scaling, then PD = 1 / (1 + odds). */
    public double probabilityOfDefault(int score) {
        double odds = baseOdds * Math.pow(2.0, (score - baseScore) / pdo);
        return 1.0 / (1.0 + odds);
    }

    public String grade(int score) {
        int g = 0;
        while (g + 1 < gradeFrom.length && score >= gradeFrom[g + 1]) {
            g++;
        }
        return grades[g];
    }

    /**
     * Scores one customer. Never throws on the content of {@code values}: an absent, null or
     * unexpectedly typed value falls into the characteristic's missing bin and is listed in
     * missingInputs. A null asOf makes the age unknown.
     */
    public ScoreResult score(Map<String, ?> values, LocalDate asOf) {
        Map<String, ?> in = values == null ? Map.of() : values;
        CompiledCharacteristic[] cs = characteristics;
        int n = cs.length;
        int[] points = new int[n];
        int score = basePoints;
        // Top reasons kept by insertion into a tiny sorted array: ties keep file order (stable).
        Reason[] top = new Reason[MAX_REASONS];
        double[] topLoss = new double[MAX_REASONS];
        int topCount = 0;
        TreeSet<String> missing = null;
        for (int i = 0; i < n; i++) {
            CompiledCharacteristic c = cs[i];
            int bin;
            try {
                bin = c.bin(in, asOf);
            } catch (RuntimeException e) {
                // A hostile Map (throwing get, odd Number subclass): score it as missing rather than fail.
                bin = c.missingBin;
            }
            if (bin == c.missingBin) {
                if (missing == null) {
                    missing = new TreeSet<>();
                }
                try {
                    c.collectMissing(in, missing);
                } catch (RuntimeException e) {
                    // same as above: the score stands, only the list of missing inputs may be shorter
                }
            }
            int p = c.points[bin];
            points[i] = p;
            score += p;
            Reason reason = c.reasons[bin];
            if (reason != null) {
                double loss = c.pointsBelowAverage[bin];
                int pos = topCount < MAX_REASONS ? topCount : MAX_REASONS;
                while (pos > 0 && topLoss[pos - 1] < loss) {
                    pos--;
                }
                if (pos < MAX_REASONS) {
                    int last = Math.min(topCount, MAX_REASONS - 1);
                    for (int k = last; k > pos; k--) {
                        top[k] = top[k - 1];
                        topLoss[k] = topLoss[k - 1];
                    }
                    top[pos] = reason;
                    topLoss[pos] = loss;
                    if (topCount < MAX_REASONS) {
                        topCount++;
                    }
                }
            }
        }
        List<Reason> reasons = topCount == 0 ? List.of() : List.of(Arrays.copyOf(top, topCount));
        List<String> missingInputs = missing == null || missing.isEmpty() ? List.of() : List.copyOf(missing);
        return new ScoreResult(score, probabilityOfDefault(score), grade(score), reasons, missingInputs,
                new PointsByCharacteristic(characteristicNames, characteristicIndex, points));
    }

    private static String locationOf(JsonProcessingException e) {
        if (e.getLocation() == null) {
            return "";
        }
        return " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    static List<String> copyOrEmpty(List<String> list) {
        return list == null ? List.of() : new ArrayList<>(list);
    }
}

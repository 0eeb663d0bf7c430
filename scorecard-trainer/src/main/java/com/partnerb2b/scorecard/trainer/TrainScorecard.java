package com.partnerb2b.scorecard.trainer;

import com.partnerb2b.scorecard.ScoreResult;
import com.partnerb2b.scorecard.Scorecard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Command line: trains a scorecard from a labelled CSV and a mapping, evaluates it (stratified
 * hold-out and k-fold cross-validation with the whole fit redone in each fold), and writes
 * scorecard.json, MODEL_CARD.md and the plots into the output folder.
 *
 * <pre>
 * train --mapping models/german-reference/mapping.json [--data-root data] [--out models/german-reference]
 * </pre>
 */
public final class TrainScorecard {

    /** Everything a run measured, for the model card and the tests. */
    public record Report(Path scorecardFile, Path modelCard, double holdoutAuc, double holdoutGini, double holdoutKs,
                         double trainingAuc, double[] foldAucs, double cvAucMean, double cvAucSd,
                         List<ScorecardFitter.CharacteristicOutcome> outcomes, List<FairnessReport.Row> fairness,
                         List<Calibration.Row> calibration) {
    }

    private TrainScorecard() {
    }

    public static void main(String[] args) throws Exception {
        Path mapping = null;
        Path dataRoot = Path.of("data");
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mapping" -> mapping = Path.of(args[++i]);
                case "--data-root" -> dataRoot = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> {
                    usage();
                    System.exit(2);
                }
            }
        }
        if (mapping == null) {
            usage();
            System.exit(2);
        }
        if (out == null) {
            out = mapping.toAbsolutePath().getParent();
        }
        Report report = train(mapping, dataRoot, out);
        System.err.printf("[train] done: hold-out AUC %.4f, %d-fold CV AUC %.4f (sd %.4f) → %s%n", report.holdoutAuc(),
                report.foldAucs().length, report.cvAucMean(), report.cvAucSd(), report.scorecardFile());
    }

    private static void usage() {
        System.err.println("Usage: train --mapping <mapping.json> [--data-root <folder of the data files, default "
                + "data>] [--out <folder, default: the mapping's folder>]");
    }

    static void progress(String format, Object... args) {
        System.err.printf("[train] " + format + "%n", args);
    }

    public static Report train(Path mappingFile, Path dataRoot, Path out) throws IOException {
        TrainingMapping mapping = TrainingMapping.read(mappingFile);
        Path csv = dataRoot.resolve(mapping.data().file());
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("data file " + csv.toAbsolutePath().normalize() + " not found (run from the repository root, "
                    + "whose data/ folder holds the reference data, or give --data-root)");
        }
        progress("reading %s", csv);
        Dataset data = Dataset.read(csv, mapping);
        progress("%d rows, %d bad (%.1f %%)", data.size(), data.badCount, 100.0 * data.badCount / data.size());
        LocalDate asOf = LocalDate.parse(mapping.scoringDate() != null ? mapping.scoringDate() : mapping.trainingDate());
        List<CharacteristicValues> characteristics = new ArrayList<>();
        for (var c : mapping.characteristics()) {
            characteristics.add(new CharacteristicValues(c, data, asOf));
        }

        // Stratified hold-out: goods and bads shuffled apart with the seed, the first share of each held out.
        Random random = new Random(mapping.seed());
        List<Integer> goods = new ArrayList<>();
        List<Integer> bads = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            (data.bad[i] ? bads : goods).add(i);
        }
        Collections.shuffle(goods, random);
        Collections.shuffle(bads, random);
        boolean[] heldOut = new boolean[data.size()];
        for (List<Integer> cls : List.of(goods, bads)) {
            int k = (int) Math.round(cls.size() * mapping.holdoutFraction());
            for (int i = 0; i < k; i++) {
                heldOut[cls.get(i)] = true;
            }
        }
        int[] trainRows = rows(heldOut, false);
        int[] holdoutRows = rows(heldOut, true);

        // Cross-validation on all rows: binning, WoE, selection and fit redone inside each fold.
        int[] fold = new int[data.size()];
        for (List<Integer> cls : List.of(goods, bads)) {
            for (int i = 0; i < cls.size(); i++) {
                fold[cls.get(i)] = i % mapping.folds();
            }
        }
        double[] foldAucs = new double[mapping.folds()];
        for (int f = 0; f < mapping.folds(); f++) {
            progress("cross-validation fold %d/%d", f + 1, mapping.folds());
            List<Integer> in = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                (fold[i] == f ? test : in).add(i);
            }
            var fit = ScorecardFitter.fit(mapping, characteristics, data.bad,
                    in.stream().mapToInt(Integer::intValue).toArray(), ScorecardFitter.ordered("fold", f + 1));
            int[] testRows = test.stream().mapToInt(Integer::intValue).toArray();
            foldAucs[f] = Metrics.auc(scores(fit.scorecard(), data, testRows, asOf), labels(data, testRows));
            progress("fold %d AUC %.4f", f + 1, foldAucs[f]);
        }

        progress("fitting the scorecard on the %d training rows (%d held out)", trainRows.length, holdoutRows.length);
        var training = ScorecardFitter.ordered(
                "dataFile", mapping.data().file(),
                "dataSha256", sha256(csv),
                "mappingSha256", sha256(mappingFile),
                "seed", mapping.seed(),
                "date", mapping.trainingDate(),
                "rows", data.size(),
                "trainingRows", trainRows.length,
                "holdoutRows", holdoutRows.length,
                "trainingBadRate", ScorecardFitter.round(badRate(data, trainRows)));
        var fit = ScorecardFitter.fit(mapping, characteristics, data.bad, trainRows, training);
        Scorecard scorecard = fit.scorecard();

        progress("evaluating on the hold-out");
        int[] holdoutScores = scores(scorecard, data, holdoutRows, asOf);
        boolean[] holdoutBad = labels(data, holdoutRows);
        double auc = Metrics.auc(holdoutScores, holdoutBad);
        double ks = Metrics.ks(holdoutScores, holdoutBad);
        double trainingAuc = Metrics.auc(scores(scorecard, data, trainRows, asOf), labels(data, trainRows));
        double cvMean = Metrics.mean(foldAucs);
        double cvSd = Metrics.sd(foldAucs);
        training.put("metrics", ScorecardFitter.ordered(
                "holdoutAuc", ScorecardFitter.round(auc),
                "holdoutGini", ScorecardFitter.round(2 * auc - 1),
                "holdoutKs", ScorecardFitter.round(ks),
                "trainingAuc", ScorecardFitter.round(trainingAuc),
                "cvFolds", mapping.folds(),
                "cvAucMean", ScorecardFitter.round(cvMean),
                "cvAucSd", ScorecardFitter.round(cvSd)));
        byte[] json = (ScorecardFitter.JSON.writeValueAsString(fit.file()) + "\n").getBytes(StandardCharsets.UTF_8);

        List<Calibration.Row> calibration = Calibration.table(scorecard, holdoutScores, holdoutBad);
        progress("fairness report");
        int[] allRows = new int[data.size()];
        for (int i = 0; i < allRows.length; i++) {
            allRows[i] = i;
        }
        List<ScoreResult> all = new ArrayList<>();
        for (int r : allRows) {
            all.add(scorecard.score(data.inputs.get(r), asOf));
        }
        List<FairnessReport.Row> fairness = FairnessReport.table(mapping, data, scorecard, all);

        Files.createDirectories(out);
        Path scorecardFile = out.resolve("scorecard.json");
        Files.write(scorecardFile, json);
        progress("plots");
        Plots.write(out, holdoutScores, holdoutBad, calibration);
        Path card = out.resolve("MODEL_CARD.md");
        Report report = new Report(scorecardFile, card, auc, 2 * auc - 1, ks, trainingAuc, foldAucs, cvMean, cvSd,
                fit.outcomes(), fairness, calibration);
        Files.writeString(card, ModelCard.markdown(mapping, scorecard, report, data, trainRows, holdoutScores,
                holdoutBad));
        progress("wrote %s, %s and the plots", scorecardFile, card);
        return report;
    }

    private static int[] rows(boolean[] heldOut, boolean wanted) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < heldOut.length; i++) {
            if (heldOut[i] == wanted) {
                rows.add(i);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    static int[] scores(Scorecard scorecard, Dataset data, int[] rows, LocalDate asOf) {
        int[] scores = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = scorecard.score(data.inputs.get(rows[i]), asOf).score();
        }
        return scores;
    }

    static boolean[] labels(Dataset data, int[] rows) {
        boolean[] bad = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            bad[i] = data.bad[rows[i]];
        }
        return bad;
    }

    private static double badRate(Dataset data, int[] rows) {
        int b = 0;
        for (int r : rows) {
            b += data.bad[r] ? 1 : 0;
        }
        return (double) b / rows.length;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}

package com.partnerb2b.scorecard.trainer;

import com.partnerb2b.scorecard.Scorecard;
import com.partnerb2b.scorecard.format.CharacteristicSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trains the German reference and the Taiwan validation scorecards with the committed mappings and
 * checks the quality bars, determinism, and that the shipped reference is what the tool produces now.
 * Reads the data from {@code <repo root>/data} (copies of the shared reference data).
 */
class TrainScorecardTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path DATA = ROOT.resolve("data");
    static final Path GERMAN_MAPPING = ROOT.resolve("models/german-reference/mapping.json");
    static final Path SHIPPED = ROOT.resolve("models/german-reference/scorecard.json");

    @TempDir
    static Path germanOut;
    static TrainScorecard.Report german;

    @BeforeAll
    static void trainGerman() throws IOException {
        assertTrue(Files.isDirectory(DATA.resolve("german_credit")) && Files.isDirectory(DATA.resolve("taiwan_default")),
                "the data folder is missing: expected " + DATA + " with "
                        + "german_credit/ and taiwan_default/; see data/README.md");
        german = TrainScorecard.train(GERMAN_MAPPING, DATA, germanOut);
    }

    @Test
    void germanCrossValidatedAucMeetsTheBar() {
        assertEquals(5, german.foldAucs().length);
        assertTrue(german.cvAucMean() >= 0.78, "German 5-fold CV AUC " + german.cvAucMean() + " < 0.78");
        assertTrue(german.holdoutAuc() >= 0.74, "German hold-out AUC " + german.holdoutAuc());
        assertEquals(2 * german.holdoutAuc() - 1, german.holdoutGini(), 1e-12);
        assertTrue(german.holdoutKs() > 0.3 && german.holdoutKs() < 1);
    }

    @Test
    void protectedColumnsAreNeverInputs() throws IOException {
        TrainingMapping mapping = TrainingMapping.read(GERMAN_MAPPING);
        Set<String> inputColumns = mapping.inputs().stream().map(TrainingMapping.InputSpec::column)
                .collect(Collectors.toSet());
        assertTrue(!inputColumns.contains("personal_status_sex") && !inputColumns.contains("foreign_worker"));
        String json = Files.readString(germanOut.resolve("scorecard.json"));
        assertTrue(!json.contains("personal_status") && !json.contains("foreign"));
    }

    @Test
    void shippedReferenceIsWhatTheToolProducesNow() throws IOException {
        assertEquals(Files.readString(SHIPPED), Files.readString(germanOut.resolve("scorecard.json")),
                "models/german-reference/scorecard.json differs from what the trainer produces from the committed "
                        + "mapping: run scorecard-trainer/train --mapping models/german-reference/mapping.json and commit");
        assertEquals(Scorecard.reference().file(), Scorecard.load(SHIPPED).file(),
                "the scorecard on the classpath is the shipped file");
    }

    @Test
    void trainingIsDeterministic(@TempDir Path again) throws IOException {
        TrainScorecard.train(GERMAN_MAPPING, DATA, again);
        assertArrayEquals(Files.readAllBytes(germanOut.resolve("scorecard.json")),
                Files.readAllBytes(again.resolve("scorecard.json")));
        assertEquals(Files.readString(germanOut.resolve("MODEL_CARD.md")), Files.readString(again.resolve("MODEL_CARD.md")));
    }

    @Test
    void informationValuePerCharacteristicAndFairnessTableArePresent() throws IOException {
        TrainingMapping mapping = TrainingMapping.read(GERMAN_MAPPING);
        assertEquals(mapping.characteristics().size(), german.outcomes().size());
        german.outcomes().forEach(o -> assertTrue(Double.isFinite(o.iv()) && o.iv() >= 0, o.name()));
        Scorecard trained = Scorecard.load(germanOut.resolve("scorecard.json"));
        for (CharacteristicSpec c : trained.file().characteristics()) {
            assertTrue(c.informationValue() != null && c.informationValue() >= mapping.binning().minIv(), c.name());
        }
        assertEquals(Set.of("sex", "foreign_worker", "age_band"),
                german.fairness().stream().map(FairnessReport.Row::column).collect(Collectors.toSet()));
        String card = Files.readString(germanOut.resolve("MODEL_CARD.md"), StandardCharsets.UTF_8);
        for (String expected : List.of("Hofmann (1994), UCI ML Repository, CC BY 4.0", "## Fairness",
                "| sex | female |", "| foreign_worker |", "| age_band |", "information value", "## Calibration",
                "![ROC](roc.png)", "above 0.25 alert", "method 2")) {
            assertTrue(card.contains(expected), "model card lacks: " + expected);
        }
        for (String png : List.of("roc.png", "score-distribution.png", "calibration.png")) {
            assertTrue(Files.size(germanOut.resolve(png)) > 1000, png);
        }
    }

    @Test
    void taiwanHoldoutAucMeetsTheBar() throws IOException {
        // The documented command: scorecard-trainer/train --mapping models/taiwan/mapping.json --out scorecard-trainer/target/taiwan
        Path out = ROOT.resolve("scorecard-trainer/target/taiwan");
        TrainScorecard.Report taiwan = TrainScorecard.train(ROOT.resolve("models/taiwan/mapping.json"), DATA, out);
        assertTrue(taiwan.holdoutAuc() >= 0.76, "Taiwan hold-out AUC " + taiwan.holdoutAuc() + " < 0.76");
        String card = Files.readString(out.resolve("MODEL_CARD.md"));
        assertTrue(card.contains("Yeh, I-C. & Lien, C-H. (2009)") && card.contains("| sex | female |"));
        String json = Files.readString(out.resolve("scorecard.json"));
        assertTrue(!json.contains("\"SEX\"") && !json.contains("\"MARRIAGE\"") && !json.contains("\"AGE\""));
    }
}

package com.partnerb2b.scorecard;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loader refuses a malformed file and says which file and what is wrong. */
class ScorecardLoaderTest {

    private static String fixture() throws IOException {
        try (InputStream in = ScorecardLoaderTest.class.getResourceAsStream("/fixtures/small.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String refused(String json) {
        ScorecardException e = assertThrows(ScorecardException.class,
                () -> Scorecard.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "broken.json"));
        assertTrue(e.getMessage().startsWith("scorecard broken.json: "), e.getMessage());
        return e.getMessage();
    }

    private static String edited(String from, String to) throws IOException {
        String json = fixture();
        assertTrue(json.contains(from), "fixture has " + from);
        return refused(json.replace(from, to));
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + message + "' should mention '" + part + "'");
        }
    }

    @Test
    void notJson() {
        assertMentions(refused("{ this is not json"), "not a readable scorecard JSON document", "line 1");
        assertMentions(refused(""), "broken.json");
    }

    @Test
    void unknownFormatVersion() throws IOException {
        assertMentions(edited("\"format\": 1,", "\"format\": 2,"), "unsupported format version 2", "format 1");
    }

    @Test
    void missingField() throws IOException {
        assertMentions(edited("\"basePoints\": 500,", ""), "missing field 'basePoints'");
        assertMentions(edited("\"averagePoints\": 4.0,", ""), "characteristic 'credit_duration'",
                "missing field 'averagePoints'");
        assertMentions(edited("{\"label\": \"missing\", \"reason\": \"Durée non renseignée\", \"points\": -10}", "null"),
                "characteristic 'credit_duration'", "missing field 'missingBin'");
        assertMentions(edited("\"reason\": \"Durée : de 12 à moins de 24 mois\", ", ""),
                "characteristic 'credit_duration' bin 2 ([12, 24))", "missing field 'reason'");
    }

    @Test
    void overlappingOrGappedBins() throws IOException {
        assertMentions(edited("\"from\": 12, \"to\": 24", "\"from\": 10, \"to\": 24"),
                "characteristic 'credit_duration' bin 2", "overlaps the previous bin (from 10 < previous to 12)");
        assertMentions(edited("\"from\": 12, \"to\": 24", "\"from\": 14, \"to\": 24"),
                "leaves a gap after the previous bin (previous to 12, from 14)");
        assertMentions(edited("\"values\": [\"créditeur_moins_200\"]", "\"values\": [\"débiteur\"]"),
                "characteristic 'checking_account' bin 2", "value 'débiteur' is also in bin 1 (bins overlap)");
        assertMentions(edited("{\"label\": \"≥ 24\", \"from\": 24,", "{\"label\": \"≥ 24\", \"from\": 24, \"to\": 99,"),
                "the last bin must be open above");
    }

    @Test
    void unknownDerivation() throws IOException {
        assertMentions(edited("\"derivation\": \"age_years\"", "\"derivation\": \"age_in_days\""),
                "characteristic 'age'", "unknown derivation 'age_in_days'", "age_years");
        assertMentions(edited("\"attributes\": [\"birth_date\"]", "\"attributes\": [\"birthday\"]"),
                "derivation 'age_years' reads [birth_date], the file declares [birthday]");
    }

    @Test
    void nonMonotonicPointsWhereDeclared() throws IOException {
        assertMentions(edited("\"reason\": \"Durée : 24 mois ou plus\", \"points\": -10",
                        "\"reason\": \"Durée : 24 mois ou plus\", \"points\": 30"),
                "characteristic 'credit_duration'", "points are not decreasing as the file declares");
        assertMentions(edited("\"reason\": \"Solde de 200 € ou plus\", \"points\": 10",
                        "\"reason\": \"Solde de 200 € ou plus\", \"points\": -30"),
                "characteristic 'checking_account'", "not increasing along monotonicOrder",
                "'créditeur_200_et_plus' has -30");
    }

    @Test
    void gradeBandsMustCoverTheScoreRange() throws IOException {
        assertMentions(edited("{\"grade\": \"C\", \"from\": 500,", "{\"grade\": \"C\", \"from\": 505,"),
                "grade bands do not cover the score range", "band 'D' ends at 500, band 'C' starts at 505");
        assertMentions(edited("{\"grade\": \"A\", \"from\": 540, \"to\": null}", "{\"grade\": \"A\", \"from\": 540, \"to\": 900}"),
                "the highest band must be open above");
    }

    @Test
    void otherChecks() throws IOException {
        assertMentions(edited("\"approveFrom\": 530", "\"approveFrom\": 400"), "reviewFrom (490) is above approveFrom (400)");
        assertMentions(edited("{\"from\": 500, \"to\": null, \"share\": 0.5}", "{\"from\": 500, \"to\": null, \"share\": 0.4}"),
                "shares sum to");
        assertMentions(edited("\"kind\": \"numeric\", \"attribute\": \"credit_duration_months\"",
                "\"kind\": \"number\", \"attribute\": \"credit_duration_months\""), "unknown kind 'number'");
        assertMentions(edited("\"code\": \"R02_CREDIT_DURATION\"", "\"code\": \"R01_CHECKING_ACCOUNT\""),
                "reason code 'R01_CHECKING_ACCOUNT' used twice");
        assertMentions(edited("\"description\":", "\"descriptoin\":"), "descriptoin");
    }

    @Test
    void loadNamesTheFile() {
        ScorecardException e = assertThrows(ScorecardException.class, () -> Scorecard.load(Path.of("/nonexistent/x.json")));
        assertTrue(e.getMessage().contains("/nonexistent/x.json"), e.getMessage());
    }
}

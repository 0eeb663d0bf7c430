package com.partnerb2b.analysis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.partnerb2b.platform.events.AnalysisCompleted.Affordability;
import com.partnerb2b.scorecard.ScoreBucket;
import com.partnerb2b.scorecard.ScorecardException;

/** The rules around the scorecard, checked by hand. */
class ScoringRulesTest {

    private final AffordabilityCheck affordability = new AffordabilityCheck(new BigDecimal("0.06"), new BigDecimal("0.35"));

    @Test
    void the_instalment_and_debt_to_income_ratio_are_those_of_an_amortising_loan() {
        // 10,000 € over 24 months at 6 % a year: 443.21 € a month; with 900 € of charges on 2,800 €: 47.97 %.
        Affordability a = affordability.assess(Map.of("requested_amount", 10000, "credit_duration_months", 24,
                "monthly_income", 2800, "monthly_charges", 900));
        assertEquals(new BigDecimal("443.21"), a.monthlyInstalment());
        assertEquals(new BigDecimal("0.4797"), a.debtToIncomeRatio());
        assertEquals(Boolean.TRUE, a.exceedsLimit());
        // 3,000 € over 36 months with 200 € of charges on 3,000 €: 91.27 € a month, 9.71 %.
        Affordability b = affordability.assess(Map.of("requested_amount", 3000, "credit_duration_months", 36,
                "monthly_income", 3000, "monthly_charges", 200));
        assertEquals(new BigDecimal("91.27"), b.monthlyInstalment());
        assertEquals(new BigDecimal("0.0971"), b.debtToIncomeRatio());
        assertEquals(Boolean.FALSE, b.exceedsLimit());
        // At 0 %, the amount divided by the months.
        Affordability free = new AffordabilityCheck(BigDecimal.ZERO, new BigDecimal("0.35")).assess(Map.of(
                "requested_amount", 1200, "credit_duration_months", 12, "monthly_income", 1000, "monthly_charges", 0));
        assertEquals(new BigDecimal("100.00"), free.monthlyInstalment());
    }

    @Test
    void missing_or_unusable_inputs_are_named_and_nothing_is_guessed() {
        Affordability a = affordability.assess(Map.of("requested_amount", "lots", "monthly_income", 0, "monthly_charges", 100));
        assertNull(a.monthlyInstalment());
        assertNull(a.debtToIncomeRatio());
        assertNull(a.exceedsLimit());
        assertEquals(List.of("requested_amount", "credit_duration_months", "monthly_income"), a.missingInputs());
    }

    @Test
    void the_decision_follows_the_thresholds_and_an_unaffordable_credit_is_at_best_reviewed() {
        DecisionPolicy policy = new DecisionPolicy(600, 550);
        assertEquals("approve", policy.decide(600, false));
        assertEquals("review", policy.decide(600, true));
        assertEquals("approve", policy.decide(650, null));
        assertEquals("review", policy.decide(599, false));
        assertEquals("review", policy.decide(550, true));
        assertEquals("decline", policy.decide(549, false));
        assertThrows(IllegalArgumentException.class, () -> new DecisionPolicy(500, 550));
    }

    @Test
    void the_population_stability_index_is_computed_bucket_by_bucket() {
        List<ScoreBucket> expected = List.of(new ScoreBucket(Integer.MIN_VALUE, 500, 0.2), new ScoreBucket(500, 600, 0.5),
                new ScoreBucket(600, Integer.MAX_VALUE, 0.3));
        assertEquals(0.0, ScoreStability.index(expected, new long[] { 20, 50, 30 }, 100), 1e-12);
        // (0.4-0.2)ln(2) + (0.4-0.5)ln(0.8) + (0.2-0.3)ln(2/3) = 0.13863 + 0.02231 + 0.04055 = 0.20149
        double shifted = ScoreStability.index(expected, new long[] { 40, 40, 20 }, 100);
        assertEquals(0.2014903, shifted, 1e-6);
        assertTrue(shifted < ScoreStability.ALERT_LEVEL);
    }

    @Test
    void a_malformed_scorecard_file_stops_the_start_with_a_message_naming_the_problem(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("broken.json");
        Files.writeString(file, "{\"format\": 1, \"name\": \"x\"}");
        ScorecardException refused = assertThrows(ScorecardException.class, () -> new ActiveScorecard(Optional.of(file.toString())));
        assertTrue(refused.getMessage().contains("broken.json"), refused.getMessage());
    }
}

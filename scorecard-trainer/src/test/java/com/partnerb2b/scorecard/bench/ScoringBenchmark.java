package com.partnerb2b.scorecard.bench;

import com.partnerb2b.scorecard.ScoreResult;
import com.partnerb2b.scorecard.Scorecard;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of {@code Scorecard.reference().score(map, asOf)} on one thread, from a map already
 * built as the analysis service gets it from a profile-submitted event (typed values, all the
 * catalogue attributes a profile carries, not only those the scorecard reads). Run by bench/scoring.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScoringBenchmark {
    private Scorecard scorecard;
    private Map<String, Object> profile;
    private LocalDate asOf;
    private String[] inputs;

    @Setup
    public void setUp() {
        scorecard = Scorecard.reference();
        asOf = LocalDate.of(2026, 11, 25);
        profile = new HashMap<>();
        profile.put("lastname", "Martin");
        profile.put("firstname", "Claire");
        profile.put("gender", "F");
        profile.put("email", "claire.martin@example.org");
        profile.put("phone_number", "+33 6 12 34 56 78");
        profile.put("birth_date", "1991-04-17");
        profile.put("birth_country", "France");
        profile.put("billing_address1", "12 rue des Lilas");
        profile.put("billing_zip_code", "69003");
        profile.put("billing_town", "Lyon");
        profile.put("delivery_address1", "12 rue des Lilas");
        profile.put("housing_situation", "locataire");
        profile.put("family_situation", "marié_pacsé");
        profile.put("children_number", 2);
        profile.put("professional_situation", "salarié");
        profile.put("monthly_income", 2850);
        profile.put("monthly_charges", 900);
        profile.put("years_in_current_job", 4);
        profile.put("means_of_movement", List.of("vélo", "auto"));
        profile.put("requested_amount", 8000);
        profile.put("credit_duration_months", 36);
        profile.put("credit_purpose", "voiture_occasion");
        profile.put("checking_account_status", "créditeur_moins_200");
        profile.put("savings_amount", new BigDecimal("1200"));
        profile.put("credit_history", "crédits_en_cours_à_jour");
        profile.put("existing_credits_number", 1);
        profile.put("other_credits", "aucun");
        profile.put("guarantor", "aucun");
        profile.put("assets", "voiture_autre");
        profile.put("years_at_current_address", 3);
        inputs = scorecard.file().characteristics().stream()
                .flatMap(c -> c.attribute() != null ? java.util.stream.Stream.of(c.attribute()) : c.attributes().stream())
                .distinct().toArray(String[]::new);
    }

    /**
     * The ceiling of this machine in this run: only looking up the scorecard's inputs in the map,
     * the least any scorer must do. The score's throughput is reported as a share of it.
     */
    @Benchmark
    public void ceilingReadInputs(Blackhole sink) {
        for (String input : inputs) {
            sink.consume(profile.get(input));
        }
    }

    @Benchmark
    public ScoreResult score() {
        return scorecard.score(profile, asOf);
    }
}

package com.partnerb2b.scorecard;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fixed set of derived characteristics a scorecard file may name. Each declares the catalogue
 * attributes it reads; its value is a number, NaN when it cannot be computed (the missing bin).
 */
public enum Derivation {
    /** Whole years of age at the scoring date, from birth_date. */
    AGE_YEARS("age_years", "birth_date") {
        @Override
        public double evaluate(Map<String, ?> values, LocalDate asOf) {
            return InputValues.ageYears(InputValues.date(values.get("birth_date")), asOf);
        }
    },
    /** Monthly instalment (amount / months, no interest) as a percentage of monthly income; NaN if income is 0. */
    INSTALMENT_TO_INCOME_PCT("instalment_to_income_pct", "requested_amount", "credit_duration_months", "monthly_income") {
        @Override
        public double evaluate(Map<String, ?> values, LocalDate asOf) {
            double amount = InputValues.number(values.get("requested_amount"));
            double months = InputValues.number(values.get("credit_duration_months"));
            double income = InputValues.number(values.get("monthly_income"));
            if (!(months > 0) || !(income > 0) || !(amount >= 0)) {
                return Double.NaN;
            }
            // To a millionth of a percent: 35 % computed as 34.99999999 must not fall under a 35 % bound.
            return Math.rint(amount / months / income * 100.0 * 1e6) / 1e6;
        }
    },
    /**
     * Years in the current job, −1 for a job seeker ("recherche_emploi"). Other situations need
     * years_in_current_job, except a student without it, who counts as 0.
     */
    EMPLOYMENT_YEARS("employment_years", "professional_situation", "years_in_current_job") {
        @Override
        public double evaluate(Map<String, ?> values, LocalDate asOf) {
            String situation = InputValues.choice(values.get("professional_situation"));
            if (situation == null) {
                return Double.NaN;
            }
            if (UNEMPLOYED.equals(situation)) {
                return -1;
            }
            double years = InputValues.number(values.get("years_in_current_job"));
            if (Double.isNaN(years) && STUDENT.equals(situation)) {
                return 0;
            }
            return years >= 0 ? years : Double.NaN;
        }

        @Override
        void collectMissing(Map<String, ?> values, Collection<String> out) {
            String situation = InputValues.choice(values.get("professional_situation"));
            if (situation == null) {
                out.add("professional_situation");
            } else if (!UNEMPLOYED.equals(situation) && !STUDENT.equals(situation)
                    && !(InputValues.number(values.get("years_in_current_job")) >= 0)) {
                out.add("years_in_current_job");
            }
        }
    };

    static final String UNEMPLOYED = "recherche_emploi";
    static final String STUDENT = "étudiant";

    private final String fileName;
    private final List<String> sources;

    Derivation(String fileName, String... sources) {
        this.fileName = fileName;
        this.sources = List.of(sources);
    }

    /** The name a scorecard file uses. */
    public String fileName() {
        return fileName;
    }

    /** The catalogue attributes it reads, in a fixed order. */
    public List<String> sources() {
        return sources;
    }

    public abstract double evaluate(Map<String, ?> values, LocalDate asOf);

    /** Adds the source attributes that made the value missing (absent or of an unusable type). */
    void collectMissing(Map<String, ?> values, Collection<String> out) {
        for (String source : sources) {
            Object v = values.get(source);
            boolean usable = this == AGE_YEARS ? InputValues.date(v) != null : !Double.isNaN(InputValues.number(v));
            if (!usable) {
                out.add(source);
            }
        }
    }

    public static Derivation byFileName(String name) {
        for (Derivation d : values()) {
            if (d.fileName.equals(name)) {
                return d;
            }
        }
        return null;
    }

    static String known() {
        return Arrays.stream(values()).map(Derivation::fileName).toList().toString();
    }
}

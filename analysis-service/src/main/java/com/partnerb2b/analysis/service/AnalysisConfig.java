package com.partnerb2b.analysis.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How analyses are scored, decided and worked through ({@code partnerb2b.analysis.*}). */
@ConfigMapping(prefix = "partnerb2b.analysis")
public interface AnalysisConfig {

    /** Decision thresholds on the score; the scorecard's defaults when unset. */
    Decision decision();

    Affordability affordability();

    Work work();

    Stability stability();

    interface Decision {
        /** A score at or above this is {@code approve}. */
        OptionalInt approveFrom();

        /** A score at or above this (and below approve) is {@code review}; below, {@code decline}. */
        OptionalInt reviewFrom();
    }

    interface Affordability {
        /** Annual rate of the requested credit, to compute its monthly instalment (0.06 = 6 %). */
        @WithDefault("0.06")
        BigDecimal annualRate();

        /** Debt-to-income limit (the French HCSF rule: 35 %); above it the decision is at best review. */
        @WithDefault("0.35")
        BigDecimal debtToIncomeLimit();
    }

    interface Work {
        /** How often each instance looks for work besides being woken by requests and events. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** How long a claimed analysis is an instance's before another may take it over. */
        @WithDefault("PT30S")
        Duration lease();

        /** Analyses claimed at once by one instance. */
        @WithDefault("16")
        int batchSize();

        /** Attempts before an analysis is marked failed. */
        @WithDefault("3")
        int maxAttempts();

        /** Pause before a failed attempt is retried. */
        @WithDefault("PT2S")
        Duration retryDelay();

        /** An analysis whose submission event has not arrived after this long fails. */
        @WithDefault("PT10M")
        Duration submissionWait();
    }

    interface Stability {
        /** Completed analyses of this recent period make the live score distribution. */
        @WithDefault("P30D")
        Duration window();

        @WithDefault("PT1M")
        Duration refreshInterval();
    }
}

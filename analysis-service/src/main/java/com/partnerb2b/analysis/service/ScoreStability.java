package com.partnerb2b.analysis.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.scorecard.ScoreBucket;
import com.partnerb2b.scorecard.Scorecard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Is the population being scored still the one the scorecard was trained on? The population
 * stability index of the scores of recent completed analyses against the training distribution,
 * bucket by bucket: sum of (actual − expected) × ln(actual / expected). Under 0.1 stable, 0.1–0.25
 * a shift to watch, above {@value #ALERT_LEVEL} the scorecard no longer describes its population.
 * Published as the gauge {@code partnerb2b.scorecard.psi} and on the operator endpoint.
 */
@ApplicationScoped
public class ScoreStability {

    public static final double ALERT_LEVEL = 0.25;
    /** An empty bucket would make the index infinite: shares are floored at this. */
    private static final double FLOOR = 1e-4;

    public record Bucket(int fromInclusive, int toExclusive, double expected, long count, double actual) {
    }

    public record Report(Double psi, boolean alert, long sampleSize, String window, Instant computedAt, List<Bucket> buckets) {
    }

    private final Pool pool;
    private final Scorecard scorecard;
    private final AnalysisConfig.Stability config;
    private final AtomicReference<Report> latest = new AtomicReference<>();

    public ScoreStability(Pool pool, ActiveScorecard scorecard, AnalysisConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.scorecard = scorecard.get();
        this.config = config.stability();
        Gauge.builder("partnerb2b.scorecard.psi", latest, ref -> {
            Report report = ref.get();
            return report == null || report.psi() == null ? Double.NaN : report.psi();
        }).description("Population stability index of recent scores against the scorecard's training distribution")
                .tag("scorecard", this.scorecard.id()).register(registry);
    }

    @Scheduled(every = "${partnerb2b.analysis.stability.refresh-interval:PT1M}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return compute().replaceWithVoid().onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Computes the index now from the database (and keeps it for the gauge). */
    public Uni<Report> compute() {
        List<ScoreBucket> expected = scorecard.trainingDistribution();
        Integer[] thresholds = expected.stream().skip(1).map(ScoreBucket::fromInclusive).toArray(Integer[]::new);
        return pool.preparedQuery("""
                SELECT width_bucket(score, $1::int[]) AS bucket, count(*) AS n FROM analyses
                 WHERE status = 'completed' AND scorecard_version = $2 AND completed_at > now() - $3 * interval '1 millisecond'
                 GROUP BY bucket""")
                .execute(Tuple.of(thresholds, scorecard.id(), config.window().toMillis()))
                .map(rows -> {
                    long[] counts = new long[expected.size()];
                    long total = 0;
                    for (Row row : rows) {
                        int index = row.getInteger("bucket");
                        long n = row.getLong("n");
                        counts[Math.min(Math.max(index, 0), counts.length - 1)] += n;
                        total += n;
                    }
                    Report report = report(expected, counts, total);
                    latest.set(report);
                    return report;
                });
    }

    private Report report(List<ScoreBucket> expected, long[] counts, long total) {
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            ScoreBucket bucket = expected.get(i);
            double actual = total == 0 ? 0 : (double) counts[i] / total;
            buckets.add(new Bucket(bucket.fromInclusive(), bucket.toExclusive(), bucket.share(), counts[i], actual));
        }
        Double psi = total == 0 ? null : index(expected, counts, total);
        return new Report(psi, psi != null && psi > ALERT_LEVEL, total, config.window().toString(), Instant.now(), buckets);
    }

    /** The index of {@code counts} (per bucket, {@code total} in all) against the expected shares. */
    static double index(List<ScoreBucket> expected, long[] counts, long total) {
        double psi = 0;
        for (int i = 0; i < expected.size(); i++) {
            double a = Math.max((double) counts[i] / total, FLOOR);
            double e = Math.max(expected.get(i).share(), FLOOR);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }
}

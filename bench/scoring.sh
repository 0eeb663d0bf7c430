#!/usr/bin/env bash
# Scoring throughput: JMH benchmark of Scorecard.reference().score(map, asOf) on ONE thread, one fork,
# short warm-up (scorecard-trainer/src/test/java/.../bench/ScoringBenchmark.java). Prints ops/s per
# core and the ratio to the 1,000,000 ops/s target. Not a test: the figure depends on the machine.
# Usage: bench/scoring.sh [extra JMH options, e.g. -wi 5 -i 10]
set -euo pipefail
cd "$(dirname "$0")/.."
LOG="${TMPDIR:-/tmp}/scoring-bench-build.log"
echo "Building the scorecard modules and the benchmark (test-compile)..." >&2
./mvnw -q -B -ntp -pl scorecard,scorecard-trainer -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test > "$LOG" 2>&1 \
  || { tail -50 "$LOG" >&2; exit 1; }
OUT="scorecard-trainer/target/scoring-bench.txt"
java -Xmx256m -cp "scorecard-trainer/target/test-classes:scorecard-trainer/target/classes:$(cat scorecard-trainer/target/test-classpath.txt)" \
  org.openjdk.jmh.Main ScoringBenchmark -t 1 -f 1 "$@" | tee "$OUT" >&2
score=$(awk '/ScoringBenchmark.score/ && /thrpt/ {print $(NF-3)}' "$OUT" | tail -1)
ceiling=$(awk '/ScoringBenchmark.ceilingReadInputs/ && /thrpt/ {print $(NF-3)}' "$OUT" | tail -1)
cores=$(nproc)
echo "scoring throughput (1 thread): ${score} ops/s — $(awk -v s="$score" 'BEGIN{printf "%.2f", s/1000000}') × the 1,000,000 ops/s target"
echo "ceiling (only reading the scorecard's inputs from the map, same run): ${ceiling} ops/s — scoring runs at $(awk -v s="$score" -v c="$ceiling" 'BEGIN{printf "%.1f %%", 100*s/c}') of it"
echo "(machine: ${cores} cores, $(uname -m), $(java -version 2>&1 | head -1))"

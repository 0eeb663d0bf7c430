#!/usr/bin/env bash
# Outbox relay figures: commit -> consumer latency (p50/p90/p99/max) of profiles submitted through
# the API at a fixed rate, and the relay's throughput on a backlog. Runs profile-service's
# RelayLatencyBench against the real PostgreSQL and Kafka of the test infrastructure (loopback only,
# random ports: it does not need nor disturb a running ./partnerb2b start). Not a test: figures
# depend on the machine.
# Usage: bench/relay-latency.sh [profiles=500] [rate=50] [backlog=3000]
#   POLL_INTERVAL=1s  overrides the relay's fallback poll interval (default: the production default)
set -euo pipefail
cd "$(dirname "$0")/.."
PROFILES="${1:-500}"
RATE="${2:-50}"
BACKLOG="${3:-3000}"
OUT="$PWD/profile-service/target/relay-latency.txt"
args=(-Dbench.profiles="$PROFILES" -Dbench.rate="$RATE" -Dbench.backlog="$BACKLOG" -Dbench.out="$OUT")
[ -n "${POLL_INTERVAL:-}" ] && args+=(-Dbench.poll-interval="$POLL_INTERVAL")
rm -f "$OUT"
echo "Building and running RelayLatencyBench (about 1-2 minutes)..." >&2
./mvnw -q -B -ntp test -pl profile-service -am -Dtest=RelayLatencyBench -Dsurefire.failIfNoSpecifiedTests=false \
  -DskipITs "${args[@]}" > "${TMPDIR:-/tmp}/relay-latency-build.log" 2>&1 \
  || { tail -50 "${TMPDIR:-/tmp}/relay-latency-build.log" >&2; exit 1; }
cat "$OUT"

#!/usr/bin/env bash
# Webhook delivery figures: analysis-completed events for many partners published to the real Kafka
# of the test infrastructure, delivered by webhook-service to one receiver on loopback. Prints
# deliveries per second as a share of the same run's ceiling (the receiver driven directly by an
# HTTP client with the same concurrency) and the delay from publication to receipt (p50, p99, max).
# Runs webhook-service's DeliveryBench (loopback only, random ports). Not a test.
# Usage: bench/webhook-delivery.sh [events=2000] [partners=40]
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS="${1:-2000}"
PARTNERS="${2:-40}"
OUT="$PWD/webhook-service/target/webhook-delivery.txt"
rm -f "$OUT"
echo "Building and running DeliveryBench (a few minutes)..." >&2
./mvnw -q -B -ntp test -pl webhook-service -am -Dtest=DeliveryBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.events="$EVENTS" -Dbench.partners="$PARTNERS" -Dbench.out="$OUT" -DskipITs \
  > "${TMPDIR:-/tmp}/webhook-delivery-build.log" 2>&1 \
  || { tail -50 "${TMPDIR:-/tmp}/webhook-delivery-build.log" >&2; exit 1; }
cat "$OUT"

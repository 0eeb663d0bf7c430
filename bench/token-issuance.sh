#!/usr/bin/env bash
# Token issuance throughput and latency through the gateway, with wrk (Debian package `wrk`).
# Usage: bench/token-issuance.sh [base_url] [api_key]   (defaults: the running ./partnerb2b start)
# Prints wrk's figures plus the auth-service's RSS. Not a test: figures depend on the machine.
# The token endpoints refuse bursts (30 attempts per 10 s per address and per key): start the stack
# with PARTNERB2B_SERVICE_JVM_OPTS="-Xmx256m -XX:+UseSerialGC -Dpartnerb2b.token-attempts.enabled=false".
set -euo pipefail
cd "$(dirname "$0")/.."
BASE_URL="${1:-http://127.0.0.1:8080}"
API_KEY="${2:-$(cat .partnerb2b/demo-api-key 2>/dev/null || true)}"
[ -n "$API_KEY" ] || { echo "No API key: start the stack (./partnerb2b start) or pass one" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
export API_KEY
DURATION="${DURATION:-20s}"
echo "Warm-up (5 s)..."
wrk -t2 -c16 -d5s -s bench/token-issuance.lua "$BASE_URL/api/v1/auth/token/" >/dev/null
echo "Measure: wrk -t2 -c16 -d$DURATION --latency"
wrk -t2 -c16 -d"$DURATION" --latency -s bench/token-issuance.lua "$BASE_URL/api/v1/auth/token/"
pid=$(pgrep -f 'auth-service/target/quarkus-app/quarkus-run.jar' | head -1 || true)
[ -n "$pid" ] && echo "auth-service RSS: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MiB"

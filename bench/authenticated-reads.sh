#!/usr/bin/env bash
# Authenticated reads against the running ./partnerb2b start, each as a ratio to the HTTP ceiling of
# the same service measured in the same run (these machines are shared and noisy: only ratios from
# one run compare). Load from wrk on loopback, bounded in time, after an uncounted warm-up.
# Usage: bench/authenticated-reads.sh [base_url] [api_key]   (DURATION=10s by default)
set -euo pipefail
cd "$(dirname "$0")/.."
BASE_URL="${1:-http://127.0.0.1:8080}"
API_KEY="${2:-$(cat .partnerb2b/demo-api-key 2>/dev/null || true)}"
PROFILE_URL="${PROFILE_URL:-http://127.0.0.1:8082}"
DURATION="${DURATION:-10s}"
[ -n "$API_KEY" ] || { echo "No API key: start the stack (./partnerb2b start) or pass one" >&2; exit 2; }
command -v wrk >/dev/null || { echo "Installing wrk (Debian package)..." >&2; apt-get install -y -qq wrk >/dev/null; }

token=$(curl -sf -X POST "$BASE_URL/api/v1/auth/token/" -H 'Content-Type: application/json' \
  -d "{\"apiKey\": \"$API_KEY\"}" | sed 's/.*"access":"\([^"]*\)".*/\1/')
pk=$(curl -sf -X POST "$BASE_URL/api/v1/profiles/" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{
  "attributes": {"lastname": "Bench", "firstname": "Marie", "email": "bench@example.fr", "phone_number": "06 12 34 56 78",
                 "birth_date": "1988-04-12", "delivery_address1": "12 rue de la Paix", "monthly_income": 2800, "monthly_charges": 900}}' \
  | sed 's/.*"pk":\([0-9]*\).*/\1/')

# name, url, extra wrk args
run() {
  local url=$1; shift
  wrk -t2 -c16 -d3s "$@" "$url" >/dev/null 2>&1 || true
  wrk -t2 -c16 -d"$DURATION" --latency "$@" "$url" 2>/dev/null
}
figures() { # requests/s p50 p99 non-2xx from wrk's output
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
       END {printf "%s %s %s %s\n", rps, p50, p99, (bad == "" ? 0 : bad)}'
}
declare -A RPS
row() {
  local name=$1 url=$2; shift 2
  read -r rps p50 p99 bad < <(run "$url" "$@" | figures)
  RPS[$name]=$rps
  printf '%-38s %10s %9s %9s %8s\n' "$name" "$rps" "$p50" "$p99" "$bad"
}
AUTH=(-H "Authorization: Bearer $token")
printf '%-38s %10s %9s %9s %8s\n' "endpoint (wrk -t2 -c16, $DURATION)" "req/s" "p50" "p99" "non-2xx"
row "ceiling: profile-service /q/health/live" "$PROFILE_URL/q/health/live"
row "GET /profiles/{pk}/ direct" "$PROFILE_URL/api/v1/profiles/$pk/" "${AUTH[@]}"
row "GET /metadata/ direct" "$PROFILE_URL/api/v1/metadata/" "${AUTH[@]}"
row "GET /metadata/ direct, gzip" "$PROFILE_URL/api/v1/metadata/" "${AUTH[@]}" -H "Accept-Encoding: gzip"
row "GET /profiles/{pk}/ via gateway" "$BASE_URL/api/v1/profiles/$pk/" "${AUTH[@]}"
row "GET /metadata/ via gateway" "$BASE_URL/api/v1/metadata/" "${AUTH[@]}"
ceiling=${RPS["ceiling: profile-service /q/health/live"]}
echo
for name in "GET /profiles/{pk}/ direct" "GET /metadata/ direct" "GET /metadata/ direct, gzip"; do
  awk -v n="$name" -v r="${RPS[$name]}" -v c="$ceiling" 'BEGIN {printf "%-38s %5.1f %% of the ceiling\n", n, 100 * r / c}'
done

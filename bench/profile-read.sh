#!/usr/bin/env bash
# Authenticated read throughput: GET /api/v1/profiles/{pk}/ straight to profile-service, with wrk.
# Usage: bench/profile-read.sh [gateway_url] [profile_service_url] [api_key]
#   (defaults: the running ./partnerb2b start, profile-service on 127.0.0.1:8082, the demo key)
# Every request carries the same access token, as a partner's do for an hour. Start the stack with a
# rate limit the run cannot reach, e.g. PARTNERB2B_SERVICE_JVM_OPTS="-Xmx256m -XX:+UseSerialGC
# -Dpartnerb2b.rate-limit.limit=100000000" (add -Dpartnerb2b.token-cache.enabled=false to compare
# with full verification of every request). Not a test: figures depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE_URL="${1:-http://127.0.0.1:8080}"
PROFILE_URL="${2:-http://127.0.0.1:8082}"
API_KEY="${3:-$(cat "${PARTNERB2B_HOME:-.partnerb2b}/demo-api-key" 2>/dev/null || true)}"
[ -n "$API_KEY" ] || { echo "No API key: start the stack (./partnerb2b start) or pass one" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
DURATION="${DURATION:-20s}"

ACCESS=$(curl -sf -X POST "$BASE_URL/api/v1/auth/token/" -H 'Content-Type: application/json' \
  -d "{\"apiKey\": \"$API_KEY\"}" | sed 's/.*"access":"\([^"]*\)".*/\1/')
PK=$(curl -sf -X POST "$BASE_URL/api/v1/profiles/" -H "Authorization: Bearer $ACCESS" -H 'Content-Type: application/json' \
  -d '{"attributes": {"lastname": "Banc", "firstname": "Essai", "email": "banc.essai@example.fr",
        "phone_number": "06 12 34 56 78", "birth_date": "1988-04-12", "delivery_address1": "12 rue de la Paix",
        "monthly_income": 2800, "monthly_charges": 900}}' \
  | sed 's/.*"pk":\([0-9]*\).*/\1/')
URL="$PROFILE_URL/api/v1/profiles/$PK/"
curl -sf -o /dev/null -H "Authorization: Bearer $ACCESS" "$URL" || { echo "GET $URL failed" >&2; exit 1; }

echo "Warm-up (5 s)..."
wrk -t2 -c16 -d5s -H "Authorization: Bearer $ACCESS" "$URL" >/dev/null
echo "Measure: wrk -t2 -c16 -d$DURATION --latency GET $URL"
wrk -t2 -c16 -d"$DURATION" --latency -H "Authorization: Bearer $ACCESS" "$URL"

#!/usr/bin/env bash
# What one submit and one analysis request cost the machine: CPU milliseconds per request of every
# process of the stack (from /proc, around a measured window), with the requests/s it sustained.
# Against the running ./partnerb2b start (rate limits off, as for bench/partner-api.sh); load from wrk
# on loopback, closed loop (-t2 -c16), bounded in time, after uncounted warm-up windows (a fresh JVM
# needs minutes before its JIT has compiled these paths: compare the last windows of two runs).
# Each submit takes a fresh profile (created first, in bulk); the analysis requests go round the
# profiles submitted (a few 400s there: the ids skipped between windows, never submitted). Absolute
# figures move with the machine: compare two runs of the same day.
# Usage: bench/write-cost.sh [base_url] [api_key]
#   CREATE=90s WARMUP_WINDOWS=4 WINDOW=15s MEASURE=20s
set -euo pipefail
cd "$(dirname "$0")/.."
BASE_URL="${1:-http://127.0.0.1:8080}"
STACK_HOME="${PARTNERB2B_HOME:-.partnerb2b}"
API_KEY="${2:-$(cat "$STACK_HOME/demo-api-key" 2>/dev/null || true)}"
CREATE="${CREATE:-90s}" WARMUP_WINDOWS="${WARMUP_WINDOWS:-4}" WINDOW="${WINDOW:-15s}" MEASURE="${MEASURE:-20s}"
case "$BASE_URL" in http://127.0.0.1:*|http://localhost:*) ;; *) echo "Loopback only: $BASE_URL" >&2; exit 2 ;; esac
[ -n "$API_KEY" ] || { echo "No API key: start the stack (./partnerb2b start) or pass one" >&2; exit 2; }
command -v wrk >/dev/null || { echo "Installing wrk (Debian package)..." >&2; apt-get install -y -qq wrk >/dev/null; }

token=$(curl -sf -X POST "$BASE_URL/api/v1/auth/token/" -H 'Content-Type: application/json' \
  -d "{\"apiKey\": \"$API_KEY\"}" | sed 's/.*"access":"\([^"]*\)".*/\1/')
export TOKEN=$token
create_one() {
  curl -sf -X POST "$BASE_URL/api/v1/profiles/" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary @bench/profile.json | sed 's/.*"pk":\([0-9]*\).*/\1/'
}

# The stack's processes, and their CPU ticks (PostgreSQL: every backend plus the children it reaped).
declare -A PIDS=(
  [auth]=$(pgrep -f 'auth-service/target/quarkus-app' | head -1) [profile]=$(pgrep -f 'profile-service/target/quarkus-app' | head -1)
  [analysis]=$(pgrep -f 'analysis-service/target/quarkus-app' | head -1) [webhook]=$(pgrep -f 'webhook-service/target/quarkus-app' | head -1)
  [gateway]=$(pgrep -f 'local-stack/target/local-stack.jar' | head -1) [kafka]=$(pgrep -f 'kafka.Kafka' | head -1))
NAMES="profile analysis webhook auth gateway kafka postgres"
ticks() {
  local name=$1
  if [ "$name" = postgres ]; then
    local total=0 t
    for p in $(pgrep -x postgres); do t=$(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12+$13+$14+$15}'); total=$((total + ${t:-0})); done
    echo "$total"
  else
    sed 's/.*) //' "/proc/${PIDS[$name]}/stat" | awk '{print $12+$13}'
  fi
}
HZ=$(getconf CLK_TCK)

# wrk over /api/v1/profiles/<n>/<suffix>/ for n = START.. (wrapping after SPAN); prints "requests rps non2xx"
LUA=$(mktemp --suffix=.lua)
trap 'rm -f "$LUA"' EXIT
cat > "$LUA" <<'EOF'
local threads = 0
function setup(thread) thread:set("offset", threads); threads = threads + 1 end
local counter = 0
function init(args)
  token = os.getenv("TOKEN"); start = tonumber(os.getenv("START")); span = tonumber(os.getenv("SPAN")); suffix = os.getenv("SUFFIX")
end
function request()
  local n = start + ((offset + 2 * counter) % span)
  counter = counter + 1
  return wrk.format("POST", "/api/v1/profiles/" .. n .. "/" .. suffix .. "/", {["Authorization"] = "Bearer " .. token}, "")
end
function done(summary, latency, requests)
  io.write(string.format("RESULT %d %.1f %d\n", summary.requests, summary.requests / (summary.duration / 1e6), summary.errors.status))
end
EOF
load() { # suffix start span duration
  START=$2 SPAN=$3 SUFFIX=$1 wrk -t2 -c16 -d"$4" -s "$LUA" "$BASE_URL" | awk '/^RESULT/ {print $2, $3, $4}'
}

echo "Creating profiles for $CREATE..."
first=$(create_one)
METHOD=POST BODY_FILE=bench/profile.json wrk -t2 -c16 -d"$CREATE" -s bench/lua/request.lua "$BASE_URL/api/v1/profiles/" >/dev/null
last=$(create_one)
echo "profiles $first..$last"

ROWS=""
measure() { # suffix start span: appends a table row to ROWS, sets MEASURED
  local suffix=$1 start=$2 span=$3 n rps bad name row
  declare -A before
  for name in $NAMES; do before[$name]=$(ticks "$name"); done
  read -r n rps bad < <(load "$suffix" "$start" "$span" "$MEASURE")
  row="| $suffix | $rps | $n | $bad |"
  for name in $NAMES; do
    row="$row$(awk -v a="${before[$name]}" -v b="$(ticks "$name")" -v n="$n" -v hz="$HZ" 'BEGIN {printf " %.2f |", (b - a) * 1000 / hz / n}')"
  done
  ROWS="$ROWS$row
"
  MEASURED=$n
}

next=$first
warm=""
for _ in $(seq 1 "$WARMUP_WINDOWS"); do
  read -r n rps bad < <(load submit "$next" 1000000000 "$WINDOW")
  warm="$warm $rps"; next=$((next + n + 32))
done
echo "submit warm-up windows (req/s):$warm"
header="| request | req/s | requests | non-2xx |$(for name in $NAMES; do printf ' %s |' "$name"; done)"
measure submit "$next" 1000000000
submitted=$((next + MEASURED - first))
[ $((first + submitted)) -le "$last" ] || echo "warning: ran past the profiles created (raise CREATE)" >&2
sleep 5 # the consumers drain the submitted events before the next window reads CPU
warm=""
for _ in $(seq 1 "$WARMUP_WINDOWS"); do
  read -r n rps bad < <(load analyses "$first" "$submitted" "$WINDOW"); warm="$warm $rps"
done
echo "analysis request warm-up windows (req/s):$warm"
measure analyses "$first" "$submitted"
echo
echo "CPU ms per request, by process (the analysis request's row includes the scoring, the events and the webhook it causes):"
echo "$header"
echo "|---|---:|---:|---:|$(for _ in $NAMES; do printf -- '---:|'; done)"
printf '%s' "$ROWS"

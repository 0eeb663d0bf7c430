#!/usr/bin/env bash
# The partner API against the machine's own ceilings, all measured in this one run (these machines are
# shared and noisy: only ratios from one run compare). Prints Markdown tables and keeps them in
# bench/target/partner-api-<time>.md:
#   1. start time and idle RSS of each process of the running ./partnerb2b start;
#   2. ceilings: the HTTP stack (a static endpoint of a service, directly and through the gateway) and
#      the database (pgbench: the same single-row primary-key read, the same rows a profile creation
#      inserts, in one transaction);
#   3. throughput of each partner endpoint through the gateway (wrk -t2 -c16, after uncounted warm-up
#      windows until one is no more than 5 % faster than the one before), as a ratio to its ceiling;
#   4. every endpoint at a fixed rate (open loop), the pipeline submit -> signed webhook received at
#      rising rates, submit + analysis request as fast as they go (e2e-tests' PartnerApiBench);
#   5. RSS of each process after the load.
# Loopback only. Start the stack with the per-partner limits out of the way first:
#   PARTNERB2B_RATE_LIMIT_ENABLED=false PARTNERB2B_TOKEN_ATTEMPTS_ENABLED=false ./partnerb2b start
# Usage: bench/partner-api.sh   (DURATION=10s WARMUP=10s WARMUP_WINDOWS=10 RATE=200 STEP_SECONDS=10 PIPELINE_RATES=25,50,100,150,200,300
#                                 PIPELINE_WARMUP_STEPS=5)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
BASE_URL="${BASE_URL:-http://127.0.0.1:8080}"
STACK_HOME="${PARTNERB2B_HOME:-$ROOT/.partnerb2b}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}" # a warm-up window, not counted: a JVM just started needs C2 to reach its steady speed
WARMUP_WINDOWS="${WARMUP_WINDOWS:-10}" # at most this many windows per endpoint, until one is no more than 5 % faster than the one before
RATE="${RATE:-200}"
STEP_SECONDS="${STEP_SECONDS:-10}"
PIPELINE_RATES="${PIPELINE_RATES:-25,50,100,150,200,300}"
DB_PORT="${PARTNERB2B_DB_PORT:-54329}"
case "$BASE_URL" in http://127.0.0.1:*|http://localhost:*) ;; *) echo "Loopback only: $BASE_URL" >&2; exit 2 ;; esac

API_KEY="$(cat "$STACK_HOME/demo-api-key" 2>/dev/null || true)"
OPERATOR_KEY="$(cat "$STACK_HOME/operator-key" 2>/dev/null || true)"
[ -n "$API_KEY" ] && [ -n "$OPERATOR_KEY" ] || { echo "Start the stack first (./partnerb2b start): no keys in $STACK_HOME" >&2; exit 2; }
for tool in wrk:wrk pgbench:postgresql-client; do
  command -v "${tool%%:*}" >/dev/null || { echo "Installing ${tool#*:} (Debian package)..." >&2; apt-get install -y -qq "${tool#*:}" >/dev/null; }
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p bench/target
REPORT="bench/target/partner-api-$(date -u +%Y%m%dT%H%M%SZ).md"
out() { printf '%s\n' "$*" | tee -a "$REPORT"; }

# --- the processes --------------------------------------------------------------------------------
pid_of() {
  case "$1" in
    gateway) pgrep -f 'local-stack/target/local-stack.jar' | head -1 ;;
    kafka) pgrep -f 'kafka-server.properties|LocalKafka|kafka.Kafka' | head -1 ;;
    postgres) pgrep -f "postgres -D $STACK_HOME" | head -1 ;;
    *) pgrep -f "$1/target/quarkus-app/quarkus-run.jar" | head -1 ;;
  esac
}
pss_mb() { # PSS, so that PostgreSQL's shared buffers count once over the server and all its backends
  local pid pids; pid="$(pid_of "$1")"; [ -n "$pid" ] || { echo "-"; return; }
  pids="$pid"; [ "$1" = postgres ] && pids="$pid $(pgrep -P "$pid" | tr '\n' ' ')"
  for p in $pids; do awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null; done | awk '{s += $1} END {printf "%d", s / 1024}'
}
started_in() { # Quarkus' own "started in Xs" line, the last start of the service
  grep -ho 'started in [0-9.]*s' "$STACK_HOME/logs/$1.log" 2>/dev/null | tail -1 | awk '{print $3}' || true
}
PROCESSES=(auth-service profile-service analysis-service webhook-service gateway kafka postgres)
declare -A IDLE_PSS
for p in "${PROCESSES[@]}"; do IDLE_PSS[$p]="$(pss_mb "$p")"; done

out "# PartnerB2B partner API benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
out ""
out "Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
    "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')."
out "Load: wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}') -t2 -c16, ${DURATION} after ${WARMUP} warm-up windows until one is no more than 5 % faster than the one before (at most ${WARMUP_WINDOWS}); pgbench -c16 -j2 -M prepared."
out ""

# --- wrk -------------------------------------------------------------------------------------------
# prints: req/s p50 p99 max(ms) non-2xx
wrk_figures() {
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
       /Requests\/sec/ {rps = $2} /^ +50%/ {p50 = ms($2)} /^ +99%/ {p99 = ms($2)} /^ +Latency +[0-9]/ {max = ms($4)}
       /Non-2xx/ {bad = $NF} /Socket errors/ {bad += 0}
       END {printf "%.0f %.1f %.1f %.1f %d\n", rps, p50, p99, max, bad}'
}
warm() { # url [VAR=value...]: uncounted windows of $WARMUP until one is no more than 5 % faster than the one
  # before (at most $WARMUP_WINDOWS); prints how many it took. A fixed short warm-up measured JVMs whose C2
  # was still compiling: on a fresh stack, token issuance rose 363 -> 2,231/s over five 20 s runs, profile
  # creation 25 -> 379/s over eight 10 s windows (two windows "within 10 %" can still be on the ramp).
  local url=$1 previous=0 rps windows=0; shift
  while (( windows < WARMUP_WINDOWS )); do
    windows=$((windows + 1))
    rps="$(env "$@" wrk -t2 -c16 -d"$WARMUP" -s "$ROOT/bench/lua/request.lua" "$url" 2>/dev/null \
           | awk '/Requests\/sec/ {printf "%d", $2}' || true)"
    rps="${rps:-0}"
    if (( previous > 0 && rps * 100 <= previous * 105 )); then break; fi
    previous=$rps
  done
  echo "$windows"
}
load() { # url [VAR=value for bench/lua/request.lua...]: warm-up until steady, then the counted run
  # prints: req/s p50 p99 max(ms) non-2xx warm-up-windows
  local url=$1 windows; shift
  windows="$(warm "$url" "$@")"
  echo "$(env "$@" wrk -t2 -c16 -d"$DURATION" --latency -s "$ROOT/bench/lua/request.lua" "$url" 2>/dev/null | wrk_figures) $windows"
}
access_token() {
  curl -sf -X POST "$BASE_URL/api/v1/auth/token/" -H 'Content-Type: application/json' -d "{\"apiKey\": \"$API_KEY\"}" \
    | sed 's/.*"access":"\([^"]*\)".*/\1/'
}
# --- the database ---------------------------------------------------------------------------------
export PGPASSWORD="${PARTNERB2B_DB_PASSWORD:-postgres}"
PSQL=(psql -q -h 127.0.0.1 -p "$DB_PORT" -U "${PARTNERB2B_DB_USER:-postgres}" -d partnerb2b_profile -Atc)
BENCH_PARTNER="00000000-0000-4000-8000-0000000be9c4"
"${PSQL[@]}" "DELETE FROM profiles WHERE partner_id = '$BENCH_PARTNER'"
attributes="$("${PSQL[@]}" "SELECT id FROM attributes ORDER BY id LIMIT 23")"
{
  echo "BEGIN;"
  echo "INSERT INTO profiles (partner_id, status, external_reference, created_at, updated_at) VALUES ('$BENCH_PARTNER', 'draft', 'PGBENCH', now(), now()) RETURNING id AS pid \\gset"
  printf 'INSERT INTO profile_values (profile_id, attribute_id, position, value_text) VALUES '
  echo "$attributes" | awk '{printf "%s(:pid, %s, %d, %s)", (NR > 1 ? ", " : ""), $1, NR - 1, "'"'"'value of a realistic length '"'"'"} END {print ";"}'
  echo "END;"
} > "$WORK/insert.sql"
pgbench_tps() { # script [pgbench args]: transactions/s and latency of the counted run
  local script=$1; shift
  local args=(-n -M prepared -c16 -j2 -h 127.0.0.1 -p "$DB_PORT" -U "${PARTNERB2B_DB_USER:-postgres}" "$@" -f "$script" partnerb2b_profile)
  pgbench "${args[@]}" -T 3 >/dev/null 2>&1 || true
  pgbench "${args[@]}" -T "${DURATION%s}" -r 2>/dev/null | awk '/^tps/ {tps = $3} /latency average/ {lat = $4} END {printf "%.0f %.2f\n", tps, lat}'
}
read -r insert_tps insert_latency <<<"$(pgbench_tps "$WORK/insert.sql")"
range="$("${PSQL[@]}" "SELECT min(id) || ' ' || max(id) FROM profiles WHERE partner_id = '$BENCH_PARTNER'")"
printf '\\set id random(%s, %s)\nSELECT * FROM profiles WHERE id = :id;\n' ${range} > "$WORK/read.sql"
read -r read_tps read_latency <<<"$(pgbench_tps "$WORK/read.sql")"
"${PSQL[@]}" "DELETE FROM profiles WHERE partner_id = '$BENCH_PARTNER'"
# The insert ceiling wrote and deleted ~10,000 profiles and their values: vacuumed now, not by an
# autovacuum in the middle of a later measure.
"${PSQL[@]}" "VACUUM (ANALYZE) profiles, profile_values"

# --- the HTTP ceilings ------------------------------------------------------------------------------
jwks_direct="$(load "http://127.0.0.1:8081/.well-known/jwks.json")"
jwks_gateway="$(load "$BASE_URL/.well-known/jwks.json")"
health_direct="$(load "http://127.0.0.1:8082/q/health/live")"
read -r gateway_ceiling _ <<<"$jwks_gateway"
out "## Ceilings (same run)"
out ""
out "| ceiling | req/s or tx/s | p50 ms | p99 ms | max ms | errors | warm-up windows |"
out "|---|---:|---:|---:|---:|---:|---:|"
for c in "HTTP: auth-service GET /.well-known/jwks.json, direct|$jwks_direct" \
         "HTTP: the same through the gateway|$jwks_gateway" \
         "HTTP: profile-service GET /q/health/live, direct|$health_direct"; do
  read -r rps p50 p99 max bad windows <<<"${c#*|}"
  out "| ${c%%|*} | $rps | $p50 | $p99 | $max | $bad | $windows |"
done
out "| DB: the single-row primary-key read of a profile (pgbench) | $read_tps | avg $read_latency | | | | |"
out "| DB: insert of a profile and its 23 values, one transaction (pgbench) | $insert_tps | avg $insert_latency | | | | |"
out ""

# --- each endpoint through the gateway ----------------------------------------------------------------
TOKEN="$(access_token)"
printf '{"apiKey": "%s"}' "$API_KEY" > "$WORK/token.json"
pk="$(curl -sf -X POST "$BASE_URL/api/v1/profiles/" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      --data-binary @bench/profile.json | sed 's/.*"pk":\([0-9]*\).*/\1/')"
endpoint() { # name ceiling-name ceiling url [VAR=value for request.lua...]
  local name=$1 ceiling_name=$2 ceiling=$3 url=$4; shift 4
  read -r rps p50 p99 max bad windows <<<"$(load "$url" TOKEN="${TOKEN_FOR_LOAD-$TOKEN}" "$@")"
  out "| \`$name\` | $rps | $p50 | $p99 | $max | $bad | $(awk -v r="$rps" -v c="$ceiling" 'BEGIN {printf "%.0f %%", 100 * r / c}') of $ceiling_name | $windows |"
}
out "## Partner endpoints through the gateway (wrk -t2 -c16, $DURATION, after warm-up windows of $WARMUP)"
out ""
out "| endpoint | req/s | p50 ms | p99 ms | max ms | non-2xx | ratio | warm-up windows |"
out "|---|---:|---:|---:|---:|---:|---:|---:|"
TOKEN_FOR_LOAD="" endpoint "POST /api/v1/auth/token/" "the gateway ceiling" "$gateway_ceiling" "$BASE_URL/api/v1/auth/token/" METHOD=POST BODY_FILE="$WORK/token.json"
read -r direct_ceiling _ <<<"$jwks_direct"
TOKEN_FOR_LOAD="" endpoint "POST /api/v1/auth/token/ (direct to auth-service)" "the direct ceiling" "$direct_ceiling" "http://127.0.0.1:8081/api/v1/auth/token/" METHOD=POST BODY_FILE="$WORK/token.json"
endpoint "GET /api/v1/metadata/" "the gateway ceiling" "$gateway_ceiling" "$BASE_URL/api/v1/metadata/"
endpoint "GET /api/v1/profiles/{pk}/" "the gateway ceiling" "$gateway_ceiling" "$BASE_URL/api/v1/profiles/$pk/"
endpoint "GET /api/v1/profiles/{pk}/" "the DB read ceiling" "$read_tps" "$BASE_URL/api/v1/profiles/$pk/"
endpoint "GET /api/v1/profiles/?limit=20" "the gateway ceiling" "$gateway_ceiling" "$BASE_URL/api/v1/profiles/?limit=20"
endpoint "POST /api/v1/profiles/" "the DB insert ceiling" "$insert_tps" "$BASE_URL/api/v1/profiles/" METHOD=POST BODY_FILE="$ROOT/bench/profile.json"
out ""

# --- fixed rate, pipeline, submit + analysis (Java, open loop) -----------------------------------------
echo "Building the Java half of the benchmark (e2e-tests test classes)..." >&2
./mvnw -q -B -ntp -pl e2e-tests -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test > "$WORK/build.log" 2>&1 \
  || { tail -50 "$WORK/build.log" >&2; exit 1; }
echo "Running the pipeline, the closed loop and the fixed-rate pass (a few minutes)..." >&2
java -Xmx512m -cp "e2e-tests/target/test-classes:$(cat e2e-tests/target/test-classpath.txt)" \
  com.partnerb2b.localstack.PartnerApiBench "$BASE_URL" "$OPERATOR_KEY" "$RATE" "$STEP_SECONDS" "$PIPELINE_RATES" "$WORK/java.md" >/dev/null
pairs="$(awk -F= '/^SUBMIT_AND_ANALYSE_PAIRS_PER_SECOND=/ {print $2}' "$WORK/java.md")"
grep -v '^SUBMIT_AND_ANALYSE_PAIRS_PER_SECOND=' "$WORK/java.md" | tee -a "$REPORT"
out "Submit + analysis request: $pairs pairs/s = $(awk -v r="$pairs" -v c="$insert_tps" 'BEGIN {printf "%.0f %%", 100 * r / c}') of the DB insert ceiling (transactions/s)."
out ""

# --- the processes ---------------------------------------------------------------------------------------
out "## Processes: start time and memory"
out ""
out "| process | started in (s, Quarkus) | memory idle (PSS MiB) | memory after the load (PSS MiB) |"
out "|---|---:|---:|---:|"
for p in "${PROCESSES[@]}"; do
  out "| $p | $(started_in "$p") | ${IDLE_PSS[$p]} | $(pss_mb "$p") |"
done
out ""
echo "Kept in $REPORT" >&2

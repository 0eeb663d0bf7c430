#!/usr/bin/env bash
# Fault injection, long form: the whole system started as ./partnerb2b start does, a stream of
# profiles submitted and analysed with a webhook to a local receiver, while each service is killed
# with SIGKILL (the launcher starts it again), the Kafka broker and PostgreSQL are stopped and started
# again (every request while the database is away must be a 503), and the
# receiver fails then times out. Prints the table and keeps it in chaos/RESULTS.md.
# Usage: chaos/run.sh [profiles] [pause-seconds]    (defaults 120 and 20, ~5 min; the short form in
# ./mvnw verify uses 12 and 5). Needs ports 8081-8084 free. All traffic stays on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
PROFILES="${1:-120}"
PAUSE="${2:-20}"
./mvnw -q -B -ntp -DskipTests install
log="$(mktemp)"
set +e
./mvnw -B -ntp verify -pl e2e-tests -Dit.test=FaultInjectionIT -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpartnerb2b.chaos.profiles="$PROFILES" -Dpartnerb2b.chaos.pause-seconds="$PAUSE" >"$log" 2>&1
rc=$?
set -e
table="$(grep '^\[chaos\]' "$log" | sed 's/^\[chaos\] //' || true)"
echo "$table"
if [ $rc -ne 0 ]; then
  grep -E "FAIL|ERROR\]|expected" "$log" | head -20
  echo "Fault injection FAILED (log: $log)" >&2
  exit $rc
fi
{
  echo "# Fault injection — last full run"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, \`chaos/run.sh $PROFILES $PAUSE\` (FaultInjectionIT, e2e-tests)."
  echo
  echo "$table" | sed -n '1p'
  echo
  echo "$table" | sed -n '2p'
  echo "|---:|---:|---:|---:|---:|---:|"
  echo "$table" | sed -n '3,$p'
} > chaos/RESULTS.md
echo "Kept in chaos/RESULTS.md"

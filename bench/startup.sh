#!/usr/bin/env bash
# Benchmark 4a: start to ready. Time from the start command until GET /health/ready answers UP:
#   1. first start on fresh state (empty data directory: control schema, demo tenant created),
#   2. BENCH_STARTS (default 2) warm starts of the same server via `mvn liberty:start` (includes Maven's JVM),
#   3. BENCH_STARTS warm starts via the runtime's own `wlp/bin/server start rms` (no Maven).
# Also records Liberty's own "server started in" (CWWKF0011I) and the idle RSS after each start.
#   BENCH_SKIP_BUILD=1
set -euo pipefail
. "$(dirname "$0")/lib.sh"
STARTS="${BENCH_STARTS:-2}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$RESULTS_DIR/startup-$STAMP.md"
[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || build_server
trap stop_server EXIT
ROWS=""

liberty_reported() {
  grep -ho 'CWWKF0011I[^"]*started in [0-9.]* seconds' "$SERVER_DIR/logs/messages.log" | tail -1 | grep -o '[0-9.]* seconds' || echo "?"
}
one() {  # kind how
  local kind=$1 how=$2 before ms after rss
  before=$(loadavg)
  if [ "$how" = mvn ]; then ms=$(start_server); else ms=$(start_server_direct); fi
  after=$(loadavg); sleep 2; rss=$(rss_kib)
  log "$kind via $how: ready after $ms ms (Liberty: $(liberty_reported)), idle RSS $(( rss / 1024 )) MiB, load $after"
  ROWS+="| $kind | $how | $ms | $(liberty_reported) | $(( rss / 1024 )) | $before | $after |"$'\n'
  if [ "$how" = mvn ]; then stop_server; else "$WLP/bin/server" stop rms >&2; fi
  sleep 2
}

reset_state
one "first start, fresh state" mvn
for i in $(seq 1 "$STARTS"); do one "warm start $i" mvn; done
for i in $(seq 1 "$STARTS"); do one "warm start $i" "wlp/bin/server"; done
{
  echo "## Start to ready ($STAMP)"
  echo
  machine_info
  echo "- embedded H2; ready = first GET /health/ready with status UP (polled every 100 ms from the start command);"
  echo "  'Liberty reported' = CWWKF0011I 'server started in' from messages.log; RSS 2 s after ready, idle"
  echo
  echo "| start | started with | ms to ready | Liberty reported | idle RSS MiB | load avg before | load avg after |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s' "$ROWS"
} > "$OUT"
cat "$OUT"

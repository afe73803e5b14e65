#!/usr/bin/env bash
# Issue 11's report numbers on PostgreSQL: a tenant with BENCH_OUTLETS outlets (50) and one generated business
# day of BENCH_ORDERS_PER_OUTLET orders (4000) of BENCH_LINES lines (5) each at every outlet — 1,000,000 order
# lines — straight into its schema; then
#   1. daily-sales over that day, twice (the first includes the server's warm-up), wall time from POST to
#      COMPLETED through the API (target < 60 s);
#   2. the same run killed with SIGKILL once half the outlet partitions completed, the server started again,
#      the run restarted: it must finish only the partitions that had not completed (the others keep the
#      execution that completed them) with exactly the rows of the uninterrupted run.
# Exit status 1 when a check fails.   BENCH_SKIP_BUILD=1 BENCH_UPDATE_RESULTS (1: its section of RESULTS.md)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
export BENCH_DB=postgresql
OUTLETS="${BENCH_OUTLETS:-50}"
ORDERS="${BENCH_ORDERS_PER_OUTLET:-4000}"
LINES="${BENCH_LINES:-5}"
DAY="${BENCH_DAY:-2026-12-01}"
workflow_run reports
py() { python3 "$BENCH_DIR/reports.py" "$@" --base "$BASE" --state "$RAW/state.json" --db "${PGDB:-rms_bench}" --day "$DAY"; }

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || build_server
use_database
trap 'stop_server; drop_database' EXIT
reset_state
start_ms=$(start_server)
log "ready in ${start_ms} ms"
py setup --outlets "$OUTLETS"
py generate --orders-per-outlet "$ORDERS" --lines "$LINES" | tee "$RAW/generate.txt" >&2

log "daily-sales over the day, twice"
py run --out "$RAW/run1.json" | tee "$RAW/run1.txt" >&2
py run --out "$RAW/run2.json" | tee "$RAW/run2.txt" >&2
uninterrupted=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$RAW/run2.json")

log "a run killed with SIGKILL halfway"
killed=$(py start)
py await-partitions --run "$killed" --at-least $(( OUTLETS / 2 )) > "$RAW/at-kill.txt"
pid=$(server_pid)
kill -9 "$pid"
for _ in $(seq 1 100); do port_in_use "$BENCH_HTTP_PORT" || break; sleep 0.1; done
log "killed server pid $pid after $(cat "$RAW/at-kill.txt") of $OUTLETS partitions of run $killed had completed"
restart_ms=$(start_server_direct)
status=0
py finish --run "$killed" --restart --out "$RAW/killed.json" | tee "$RAW/killed.txt" >&2 || status=$?
[ "$status" = 0 ] && { py compare --run "$uninterrupted" --run "$killed" | tee "$RAW/compare.txt" >&2 || status=$?; }

secs() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d.get(sys.argv[2]))' "$@"; }
{
  echo "## Reports: daily-sales over 1,000,000 order lines, and kill -9 halfway ($STAMP)"
  echo
  machine_info
  echo "- database: PostgreSQL; $OUTLETS outlets; $(cat "$RAW/generate.txt")"
  echo "- daily-sales for $DAY, all outlets, POST to COMPLETED through the API: first run $(secs "$RAW/run1.json" wallSeconds) s (with the server's warm-up), second run $(secs "$RAW/run2.json" wallSeconds) s (target < 60 s); source rows read $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["progress"]["itemsRead"])' "$RAW/run2.json")"
  echo "- kill -9 once $(cat "$RAW/at-kill.txt") of $OUTLETS partitions had completed; server ready again in ${restart_ms} ms; $(cat "$RAW/killed.txt" 2>/dev/null)"
  echo "- restarted run against the uninterrupted one: $(cat "$RAW/compare.txt" 2>/dev/null || echo 'not compared')"
  echo "- exit status of the checks: $status"
} > "$OUT"
[ "${BENCH_UPDATE_RESULTS:-1}" = 1 ] && update_results_section "reports-postgresql" "$OUT"
cat "$OUT"
exit "$status"

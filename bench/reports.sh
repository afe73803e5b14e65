#!/usr/bin/env bash
# Issue 11's report numbers on PostgreSQL: a tenant with BENCH_OUTLETS outlets (50) and one generated business
# day of BENCH_ORDERS_PER_OUTLET orders (4000) of BENCH_LINES lines (5) each at every outlet — 1,000,000 order
# lines — straight into its schema; then
#   1. daily-sales over that day, twice (the first includes the server's warm-up), wall time from POST to
#      COMPLETED through the API (target < 60 s);
#   2. the same run killed with SIGKILL once half the outlet partitions completed, the server started again,
#      the run restarted: it must finish only the partitions that had not completed (the others keep the
#      execution that completed them) with exactly the rows of the uninterrupted run;
#   3. GET /analytics/dashboard of one outlet with those facts present and today (the outlet's day) generated
#      the same way (another 1,000,000 lines, their hourly and per-item aggregates written as the analytics
#      consumer writes them): wrk at 16 and 64 connections after a warm-up until stable (target p99 < 50 ms),
#      as a ratio to ../shared/bench-anchor's GET /api/db (one primary-key SELECT through the pool) measured
#      first in the same run (BENCH_SKIP_REFERENCE=1 leaves it out).
# Exit status 1 when a check fails.   BENCH_SKIP_BUILD=1 BENCH_UPDATE_RESULTS (1: its section of RESULTS.md)
# BENCH_ONLY_DASHBOARD=1: the data and the dashboard only (no runs, no kill; RESULTS.md untouched).
# BENCH_JFR=1: a JFR profile of the dashboard's 16-connection row, summarised in the raw directory.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
export BENCH_DB=postgresql
export RMS_RATELIMIT_CLIENT_RPS="${RMS_RATELIMIT_CLIENT_RPS:-1000000}" RMS_RATELIMIT_TENANT_RPS="${RMS_RATELIMIT_TENANT_RPS:-1000000}"
DURATION="${BENCH_DURATION:-30}"
OUTLETS="${BENCH_OUTLETS:-50}"
ORDERS="${BENCH_ORDERS_PER_OUTLET:-4000}"
LINES="${BENCH_LINES:-5}"
DAY="${BENCH_DAY:-2026-12-01}"
workflow_run reports
py() { python3 "$BENCH_DIR/reports.py" "$@" --base "$BASE" --state "$RAW/state.json" --db "${PGDB:-rms_bench}" --day "$DAY"; }

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || build_server
use_database
trap 'stop_server; drop_database' EXIT

# The reference for the dashboard (a read that hits the database): the bare-Liberty app's GET /api/db of
# ../shared/bench-anchor, same wrk settings, measured first in this run and stopped before RMS starts.
ANCHOR="${BENCH_ANCHOR:-/work/shared/bench-anchor}"
[ -x "$ANCHOR/baseline.sh" ] || ANCHOR="$ROOT/../shared/bench-anchor"
REF="http://127.0.0.1:${BASE_HTTP_PORT:-19180}"
declare -A REF_RPS REF_P99
if [ "${BENCH_SKIP_REFERENCE:-0}" != 1 ]; then
  ref_started=0
  if ! curl -sf -m 2 -o /dev/null "$REF/api/json"; then
    log "starting the reference ($ANCHOR/baseline.sh up)"
    "$ANCHOR/baseline.sh" up >&2
    ref_started=1
  fi
  ( unset WRK_TOKEN WRK_TENANT; warm_until_stable "$RAW/ref-warm-db" 16 "$REF/api/db" )
  for c in 16 64; do
    ( unset WRK_TOKEN WRK_TENANT; run_wrk "$RAW/reference-db-$c.txt" "$c" "$DURATION" "$REF/api/db" )
    read -r rps _ p99 _ _ < <(wrk_summary "$RAW/reference-db-$c.txt")
    REF_RPS[$c]=$rps; REF_P99[$c]=$p99
    log "reference GET /api/db c=$c: $rps req/s p99 $p99 ms"
  done
  [ "$ref_started" = 1 ] && { log "stopping the reference"; "$ANCHOR/baseline.sh" down >&2 || true; }
fi
reset_state
start_ms=$(start_server)
log "ready in ${start_ms} ms"
py setup --outlets "$OUTLETS"
py generate --orders-per-outlet "$ORDERS" --lines "$LINES" | tee "$RAW/generate.txt" >&2

status=0
if [ "${BENCH_ONLY_DASHBOARD:-0}" != 1 ]; then
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
py finish --run "$killed" --restart --out "$RAW/killed.json" | tee "$RAW/killed.txt" >&2 || status=$?
[ "$status" = 0 ] && { py compare --run "$uninterrupted" --run "$killed" | tee "$RAW/compare.txt" >&2 || status=$?; }
fi

log "the dashboard with today's sales generated"
TODAY=$(TZ=Europe/Berlin date +%F)
python3 "$BENCH_DIR/reports.py" generate --base "$BASE" --state "$RAW/state.json" --db "${PGDB:-rms_bench}" \
  --day "$TODAY" --id-base $(( 10 ** 13 )) --orders-per-outlet "$ORDERS" --lines "$LINES" | tee "$RAW/generate-today.txt" >&2
python3 "$BENCH_DIR/reports.py" aggregate --base "$BASE" --state "$RAW/state.json" --db "${PGDB:-rms_bench}" \
  --day "$TODAY" | tee "$RAW/aggregate-today.txt" >&2
read -r SLUG PASSWORD OUTLET < <(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(s["slug"], s["password"], s["outlets"][0])' "$RAW/state.json")
export WRK_TOKEN; WRK_TOKEN=$(token "$SLUG" owner "$PASSWORD")
export WRK_TENANT="$SLUG"
DASH="$BASE/api/v1/analytics/dashboard?outletId=$OUTLET"
curl -sf -H "Authorization: Bearer $WRK_TOKEN" -H "X-Tenant-ID: $SLUG" "$DASH" > "$RAW/dashboard.json"
warm_until_stable "$RAW/warmup-dash" 16 "$DASH"
dash_rows=""
for c in 16 64; do
  [ -n "${BENCH_JFR:-}" ] && [ "$c" = 16 ] && jcmd "$(server_pid)" JFR.start name=dash settings=profile >/dev/null
  run_wrk "$RAW/dashboard-$c.txt" "$c" "$DURATION" "$DASH"
  if [ -n "${BENCH_JFR:-}" ] && [ "$c" = 16 ]; then
    jcmd "$(server_pid)" JFR.stop name=dash filename="$RAW/dashboard.jfr" >/dev/null
    python3 "$BENCH_DIR/jfrsummary.py" "$RAW/dashboard.jfr" > "$RAW/dashboard-profile.md" || echo "(no JFR summary)" > "$RAW/dashboard-profile.md"
  fi
  read -r rps p50 p99 non err < <(wrk_summary "$RAW/dashboard-$c.txt")
  log "dashboard c=$c: $rps req/s p50 ${p50} ms p99 ${p99} ms non-2xx $non"
  ratio=$(python3 -c 'import sys; print("%.2f×" % (float(sys.argv[1]) / float(sys.argv[2])) if sys.argv[2] else "–")' "$rps" "${REF_RPS[$c]:-}")
  dash_rows+="| $c | $rps | $p50 | $p99 | $non | ${REF_RPS[$c]:-–} | ${REF_P99[$c]:-–} | **$ratio** | $(loadavg) |"$'\n'
  if [ "$c" = 16 ] && { [ "$non" != 0 ] || ! python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) < 50 else 1)' "$p99"; }; then
    log "dashboard p99 ${p99} ms (target < 50) or non-2xx $non at 16 connections"
    [ "$status" = 0 ] && status=3
  fi
done

secs() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d.get(sys.argv[2]))' "$@"; }
{
  echo "## Reports: daily-sales over 1,000,000 order lines, and kill -9 halfway ($STAMP)"
  echo
  machine_info
  echo "- database: PostgreSQL; $OUTLETS outlets; $(cat "$RAW/generate.txt")"
  [ -f "$RAW/run2.json" ] && echo "- daily-sales for $DAY, all outlets, POST to COMPLETED through the API: first run $(secs "$RAW/run1.json" wallSeconds) s (with the server's warm-up), second run $(secs "$RAW/run2.json" wallSeconds) s (target < 60 s); source rows read $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["progress"]["itemsRead"])' "$RAW/run2.json")"
  [ -f "$RAW/run2.json" ] && echo "- kill -9 once $(cat "$RAW/at-kill.txt") of $OUTLETS partitions had completed; server ready again in ${restart_ms} ms; $(cat "$RAW/killed.txt" 2>/dev/null)"
  [ -f "$RAW/run2.json" ] && echo "- restarted run against the uninterrupted one: $(cat "$RAW/compare.txt" 2>/dev/null || echo 'not compared')"
  echo "- dashboard of one outlet ($(cat "$RAW/generate-today.txt") for $TODAY, aggregated: $(cat "$RAW/aggregate-today.txt"); $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["orders"], "orders,", d["net"], d["currency"], "net so far")' "$RAW/dashboard.json")), wrk 2 threads, ${DURATION} s per row after a warm-up until stable (target p99 < 50 ms at 16 connections):"
  echo
  echo "| conns | req/s | p50 ms | p99 ms | non-2xx/3xx | reference GET /api/db req/s | its p99 ms | RMS / reference | load avg after |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s' "$dash_rows"
  echo
  echo "- exit status of the checks: $status (1: a restart check, 3: the dashboard's p99)"
} > "$OUT"
[ "${BENCH_UPDATE_RESULTS:-1}" = 1 ] && [ "${BENCH_ONLY_DASHBOARD:-0}" != 1 ] && update_results_section "reports-postgresql" "$OUT"
cat "$OUT"
exit "$status"

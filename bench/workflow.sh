#!/usr/bin/env bash
# The order-to-payment workflow under load: on a fresh server (embedded H2 unless RMS_DB=postgresql is
# exported), BENCH_TENANTS tenants (4) each get an outlet, a menu with recipes and stock; then, at each
# concurrency in BENCH_CONNS ("4 8 16 32"), workers create an order (a burger with a modifier, fries and a
# lemonade) and pay it by sandbox card for BENCH_DURATION seconds (30) after a warm-up (BENCH_WARMUP, 60 s).
# Reports completed orders/s, p50/p99 of each call, and the lag from payment to stock deducted (server
# timestamps of the payment and of its SALE movement, 1 in 10 orders sampled).
#   BENCH_DB=h2 (default) | postgresql (a fresh database rms_bench on 127.0.0.1:5432, dropped at the end)
#   BENCH_SKIP_BUILD=1 BENCH_TENANTS BENCH_CONNS BENCH_DURATION BENCH_WARMUP
#   BENCH_JFR=1: profile the measured rows with Java Flight Recorder (deep stacks) and add where the CPU
#   went (bench/jfrsummary.py) to the summary
set -euo pipefail
. "$(dirname "$0")/lib.sh"
TENANTS="${BENCH_TENANTS:-4}"
CONNS="${BENCH_CONNS:-4 8 16 32}"
DURATION="${BENCH_DURATION:-30}"
WARMUP="${BENCH_WARMUP:-60}"
workflow_run workflow

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || build_server
use_database
# the server script passes JVM_ARGS on; Liberty's request stacks are deeper than JFR's default 64 frames
[ -n "${BENCH_JFR:-}" ] && export JVM_ARGS="${JVM_ARGS:-} -XX:FlightRecorderOptions:stackdepth=256"
trap 'stop_server; drop_database' EXIT
reset_state
start_ms=$(start_server)
log "server ready in ${start_ms} ms; provisioning $TENANTS tenants"
bench setup "$BASE" "$RMS_ADMIN_PASSWORD" "$TENANTS" "$RAW/tenants.txt"
log "warm-up ${WARMUP}s at 16 connections"
bench load "$BASE" "$RAW/tenants.txt" 16 "$WARMUP" "$RAW/warmup.txt" >&2
: > "$RAW/rows.txt"
[ -n "${BENCH_JFR:-}" ] && jcmd "$(server_pid)" JFR.start name=bench settings=profile >/dev/null
for c in $CONNS; do
  log "measuring at $c connections for ${DURATION}s"
  before=$(loadavg)
  bench load "$BASE" "$RAW/tenants.txt" "$c" "$DURATION" "$RAW/rows.txt" >&2
  echo "  (load average before: $before, after: $(loadavg); RSS $(( $(rss_kib) / 1024 )) MiB)" >> "$RAW/loads.txt"
done
if [ -n "${BENCH_JFR:-}" ]; then
  jcmd "$(server_pid)" JFR.stop name=bench filename="$RAW/profile.jfr" >/dev/null
  python3 "$BENCH_DIR/jfrsummary.py" "$RAW/profile.jfr" > "$RAW/profile.md"
fi
{
  echo "## Order-to-payment workflow ($STAMP)"
  echo
  machine_info
  echo "- database: ${RMS_DB:-h2}; $TENANTS tenants; each order: POST /orders (3 lines: a burger with a cheese modifier, fries, a lemonade) then POST /orders/{id}/payments (sandbox card);"
  echo "  side effects (stock by recipe, sales facts, loyalty) through the outbox and JMS; warm-up ${WARMUP}s, then ${DURATION}s per row; the load generator runs on the same 2 cores"
  echo
  echo "| connections | tenants | completed orders/s | create p50 | create p99 | pay p50 | pay p99 | payment → stock deducted |"
  echo "|---|---|---|---|---|---|---|---|"
  cat "$RAW/rows.txt"
  echo
  cat "$RAW/loads.txt"
  if [ -f "$RAW/profile.md" ]; then
    echo
    echo "Where the server's CPU went during the measured rows (JFR):"
    echo
    cat "$RAW/profile.md"
  fi
} > "$OUT"
cat "$OUT"

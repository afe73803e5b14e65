#!/usr/bin/env bash
# Nothing lost on kill -9: on a fresh server, BENCH_TENANTS tenants (2) take orders paid by sandbox card
# from BENCH_CONNS workers (8), each acknowledged order written to a ledger; after BENCH_KILL_AFTER seconds
# (20) the server is killed with SIGKILL mid-load and started again. Then every payment and order creation
# that was in flight is retried with its Idempotency-Key, and the check passes only if every acknowledged
# order is COMPLETED with exactly one successful payment and its stock was deducted exactly once (the
# outbox sweep relays what the crash left unpublished). Exit status 1 on any problem.
#   BENCH_DB=h2 (default) | postgresql (a fresh database rms_bench on 127.0.0.1:5432, dropped at the end)
#   BENCH_SKIP_BUILD=1 BENCH_TENANTS BENCH_CONNS BENCH_KILL_AFTER BENCH_UPDATE_RESULTS (1: its section of RESULTS.md)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
TENANTS="${BENCH_TENANTS:-2}"
CONNS="${BENCH_CONNS:-8}"
KILL_AFTER="${BENCH_KILL_AFTER:-20}"
workflow_run crash-recovery

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || build_server
use_database
trap 'stop_server; drop_database' EXIT
reset_state
start_server >/dev/null
bench setup "$BASE" "$RMS_ADMIN_PASSWORD" "$TENANTS" "$RAW/tenants.txt"
log "load with $CONNS workers; kill -9 after ${KILL_AFTER}s"
bench crash "$BASE" "$RAW/tenants.txt" "$CONNS" $(( KILL_AFTER + 30 )) "$RAW/ledger.txt" > "$RAW/load.txt" 2>&1 &
loader=$!
sleep "$KILL_AFTER"
pid=$(server_pid)
kill -9 "$pid"
log "killed server pid $pid with SIGKILL"
wait "$loader" || true
acked=$(grep -c '^completed ' "$RAW/ledger.txt" || true)
inflight_pay=$(( $(grep -c '^pay-sent ' "$RAW/ledger.txt" || true) - acked ))
log "acknowledged before the kill: $acked orders; payments without an answer: $inflight_pay"
restart_ms=$(start_server_direct)
log "restarted and ready in ${restart_ms} ms; verifying"
status=0
bench verify "$BASE" "$RAW/tenants.txt" "$RAW/ledger.txt" "$RAW/verify.txt" || status=$?
{
  echo "## Crash recovery: kill -9 under load ($STAMP)"
  echo
  machine_info
  echo "- database: ${RMS_DB:-h2}; $TENANTS tenants, $CONNS workers creating and paying orders (sandbox card); SIGKILL after ${KILL_AFTER}s"
  echo "- acknowledged (201 and COMPLETED) before the kill: $acked orders; payments in flight at the kill: $inflight_pay; restart to ready: ${restart_ms} ms"
  echo "- result: $(cat "$RAW/verify.txt")"
  echo "- exit status of the check: $status"
} > "$OUT"
# the latest run per database is the "crash-recovery-<database>" section of RESULTS.md (BENCH_UPDATE_RESULTS=0: not)
[ "${BENCH_UPDATE_RESULTS:-1}" = 1 ] && update_results_section "crash-recovery-${RMS_DB:-h2}" "$OUT"
cat "$OUT"
exit "$status"

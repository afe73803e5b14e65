#!/usr/bin/env bash
# RMS against the bare-Liberty reference, in one command, on PostgreSQL (issue 10's "Numbers"):
#   1. builds this worktree (unless BENCH_SKIP_BUILD=1; nothing is installed into ~/.m2, see lib.sh);
#   2. the reference: /work/shared/bench-anchor/baseline.sh up (unless it already answers on 19180: then it
#      was started by someone else, is only measured and is left running), each compared endpoint warmed up
#      until stable, then `baseline.sh bench BENCH_DURATION` (wrk -t2 at 16 and 64 connections; pgbench);
#   3. RMS on a fresh PostgreSQL database (BENCH_PG_DB, default rms_bench, created and dropped) with the
#      production server.xml and jvm.options: one tenant with BENCH_OUTLETS (4) outlets (each with stock and
#      an open cash drawer) and BENCH_CUSTOMERS (20) customers; with the same wrk settings (-t2, 16 and 64
#      connections, BENCH_DURATION s each, after a warm-up until stable as warm_until_stable in lib.sh):
#        quick sale    POST /api/v1/orders, 3 lines and a cash tender of the total, every request with its
#                      own Idempotency-Key (quicksale.lua), every BENCH_CUSTOMER_EVERY-th (4) with a customer
#        card pay      create an order, then pay it by sandbox card (tok_visa): WorkflowBench's closed loop
#                      with 16 and 64 clients (a JDK client, not wrk: it has to read the order's id)
#        menu          GET /api/v1/outlets/{id}/menu with a JWT and X-Tenant-ID
#        readiness     GET /health/ready
#      waiting after each order row until the queues are empty and the outbox is published (BENCH_DRAIN_MAX);
#      the server's RSS sampled every second throughout;
#   4. the consumers' keep-up (BENCH_KEEPUP_SECONDS, 300; 0 skips it): quick sales at BENCH_KEEPUP_PCT (80) %
#      of the best quick-sale rate at a fixed rate (WorkflowBench rate, open loop), then the lag from payment
#      to stock deducted, to sales fact and to points (server timestamps, sidefx.py), the queue depths every
#      5 s, and the time until the queues are empty;
#   5. writes bench/results/compare-<UTC stamp>.md (RMS / reference per row, the issue's targets, met or
#      not, machine facts, load averages) and replaces the "compare.sh" section of bench/RESULTS.md with it
#      (BENCH_UPDATE_RESULTS=0: don't; BENCH_RESULTS_NOTE: a line of context for that section).
# Rate limits are lifted for the run (RMS_RATELIMIT_*): the reference has none. BENCH_JFR=1 records a JFR
# profile of the measured quick-sale rows and adds where the server's CPU went (jfrsummary.py).
# The server and (if this script started it) the reference are stopped at exit, the database dropped.
# Takes about 35-45 minutes with the defaults (BENCH_DURATION=20).
#   BENCH_SKIP_BUILD BENCH_DURATION BENCH_OUTLETS BENCH_CUSTOMERS BENCH_CUSTOMER_EVERY BENCH_KEEPUP_SECONDS
#   BENCH_KEEPUP_PCT BENCH_DRAIN_MAX BENCH_SKIP_REFERENCE=1 BENCH_WARMUP_MIN/MAX BENCH_STABLE_PCT BENCH_JFR
#   BENCH_ROWS ("quicksale cardpay menu ready": the RMS rows to measure; the keep-up needs quicksale)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
DURATION="${BENCH_DURATION:-20}"
OUTLETS="${BENCH_OUTLETS:-4}"
CUSTOMERS="${BENCH_CUSTOMERS:-20}"
export BENCH_CUSTOMER_EVERY="${BENCH_CUSTOMER_EVERY:-4}"
KEEPUP="${BENCH_KEEPUP_SECONDS:-300}"
KEEPUP_PCT="${BENCH_KEEPUP_PCT:-80}"
DRAIN_MAX="${BENCH_DRAIN_MAX:-300}"
ROWS=" ${BENCH_ROWS:-quicksale cardpay menu ready} "
row() { [[ "$ROWS" == *" $1 "* ]]; }
export BENCH_DB=postgresql
export RMS_RATELIMIT_CLIENT_RPS="${RMS_RATELIMIT_CLIENT_RPS:-1000000}" RMS_RATELIMIT_TENANT_RPS="${RMS_RATELIMIT_TENANT_RPS:-1000000}"
ANCHOR="${BENCH_ANCHOR:-/work/shared/bench-anchor}"
[ -x "$ANCHOR/baseline.sh" ] || ANCHOR="$ROOT/../shared/bench-anchor"
REF_PORT="${BASE_HTTP_PORT:-19180}"
REF="http://127.0.0.1:$REF_PORT"
workflow_run compare ""
KV="$RAW/results.kv"
kv() { echo "$1=$2" >> "$KV"; }
kv_file() { sed "s/^/$1_/" "$2" >> "$KV"; }  # PREFIX FILE: a key=value file under a prefix
: > "$KV"

REF_STARTED=0
cleanup() {
  rss_sampler_stop
  [ -n "${QUEUE_SAMPLER:-}" ] && { kill "$QUEUE_SAMPLER" 2>/dev/null || true; }
  stop_server
  drop_database
  if [ "$REF_STARTED" = 1 ]; then log "stopping the reference"; "$ANCHOR/baseline.sh" down || true; fi
}
trap cleanup EXIT

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || build_server
verify_deployed
machine_info start > "$RAW/machine.md"
kv stamp "$STAMP"; kv duration "$DURATION"; kv outlets "$OUTLETS"; kv customers "$CUSTOMERS"
kv customer_every "$BENCH_CUSTOMER_EVERY"; kv keepup_seconds "$KEEPUP"; kv keepup_pct "$KEEPUP_PCT"
kv warmup_rule "10 s chunks until the mean of the last six agrees with the mean of the six before within ${BENCH_STABLE_PCT:-5} %, ${BENCH_WARMUP_MIN:-180}-${BENCH_WARMUP_MAX:-900} s"
kv load_at_start "$(loadavg)"

# ------------------------------------------------------------------------------------------ the reference
if [ "${BENCH_SKIP_REFERENCE:-0}" != 1 ]; then
  if curl -sf -m 2 -o /dev/null "$REF/api/json"; then
    log "the reference already answers on $REF_PORT: measuring it, leaving it running"
    kv ref_started_here no
  else
    log "starting the reference ($ANCHOR/baseline.sh up)"
    REF_STARTED=1
    "$ANCHOR/baseline.sh" up >&2
    kv ref_started_here yes
  fi
  ( unset WRK_TOKEN WRK_TENANT WRK_BODY_FILE
    warm_until_stable "$RAW/ref-warm-json" 16 "$REF/api/json"
    warm_until_stable "$RAW/ref-warm-health" 16 "$REF/health"
    WRK_METHOD=POST warm_until_stable "$RAW/ref-warm-order" 16 "$REF/api/order" )
  for w in json health order; do kv "ref_warm_$w" "$(tr '\n' ';' < "$RAW/ref-warm-$w.log")"; done
  kv ref_load_before "$(loadavg)"
  log "reference: baseline.sh bench $DURATION"
  "$ANCHOR/baseline.sh" bench "$DURATION" | tee "$RAW/reference.txt" >&2
  kv ref_load_after "$(loadavg)"
  python3 - "$RAW/reference.txt" >> "$KV" <<'PY'
import re, sys
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)", v)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[m.group(2)]
names = {"/api/json": "json", "/health": "health", "/api/db": "db", "/api/order": "order"}
for line in open(sys.argv[1]):
    m = re.search(r"baseline (?:GET|POST) (\S+)\s+c=(\d+)\s+([\d.]+) req/s p50 (\S+) p99 (\S+)", line)
    if m:
        n = f"ref_{names[m.group(1)]}_{m.group(2)}"
        print(f"{n}_rps={float(m.group(3)):.0f}\n{n}_p50={ms(m.group(4)):.2f}\n{n}_p99={ms(m.group(5)):.2f}")
    m = re.search(r"postgres alone.*c=(\d+): ([\d.]+) tps", line)
    if m:
        print(f"ref_pgbench_conns={m.group(1)}\nref_pgbench_tps={float(m.group(2)):.0f}")
PY
fi

# ------------------------------------------------------------------------------------------ RMS
use_database
[ -n "${BENCH_JFR:-}" ] && export JVM_ARGS="${JVM_ARGS:-} -XX:FlightRecorderOptions:stackdepth=256"
reset_state
start_ms=$(start_server)
kv start_ms "$start_ms"
rss_sampler_start "$RAW/rss.txt"
log "RMS ready in ${start_ms} ms on PostgreSQL ($PGDB); setting up a tenant with $OUTLETS outlets"
bench setup "$BASE" "$RMS_ADMIN_PASSWORD" 1 "$RAW/tenants.txt" "$OUTLETS" "$CUSTOMERS" >&2
bench bodies "$RAW/tenants.txt" "$RAW/bodies.txt"
read -r SLUG TOKEN OUTLET_IDS _ < "$RAW/tenants.txt"
OUTLET="${OUTLET_IDS%%,*}"
SCHEMA="t_$SLUG"
kv tenant "$SLUG"; kv rss_idle_mib "$(( $(rss_kib) / 1024 ))"
export WRK_TOKEN="$TOKEN" WRK_TENANT="$SLUG" WRK_BODIES="$RAW/bodies.txt"
MENU="$BASE/api/v1/outlets/$OUTLET/menu"
code=$(curl -s -o "$RAW/menu.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H "X-Tenant-ID: $SLUG" "$MENU")
[ "$code" = 200 ] || { echo "GET menu answered $code" >&2; exit 1; }
kv menu_bytes "$(wc -c < "$RAW/menu.json")"
code=$(curl -s -o "$RAW/sale.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H "X-Tenant-ID: $SLUG" \
  -H 'Content-Type: application/json' -H "Idempotency-Key: probe-$STAMP" -d "$(sed -n 2p "$RAW/bodies.txt")" "$BASE/api/v1/orders")
grep -q '"status":"COMPLETED"' "$RAW/sale.json" && [ "$code" = 201 ] || { echo "a quick sale answered $code: $(cat "$RAW/sale.json")" >&2; exit 1; }

# jfr_start / jfr_stop NAME: with BENCH_JFR, a JFR profile of the rows in between, summarised in RAW/NAME.md
jfr_start() { [ -z "${BENCH_JFR:-}" ] || jcmd "$(server_pid)" JFR.start name=bench settings=profile >/dev/null; }
jfr_stop() {
  [ -n "${BENCH_JFR:-}" ] || return 0
  jcmd "$(server_pid)" JFR.stop name=bench filename="$RAW/$1.jfr" >/dev/null
  python3 "$BENCH_DIR/jfrsummary.py" "$RAW/$1.jfr" > "$RAW/$1.md" || echo "(no JFR summary)" > "$RAW/$1.md"
}
# wrk_row NAME CONNS URL: one measured wrk row (NAME_CONNS_* keys)
wrk_row() {
  local name=$1 c=$2 url=$3 before after rps p50 p99 non err
  before=$(loadavg)
  run_wrk "$RAW/$name-$c.txt" "$c" "$DURATION" "$url"
  after=$(loadavg)
  read -r rps p50 p99 non err < <(wrk_summary "$RAW/$name-$c.txt")
  log "$name c=$c: $rps req/s p50 ${p50}ms p99 ${p99}ms non-2xx $non errors $err; load $after"
  kv "${name}_${c}_rps" "$rps"; kv "${name}_${c}_ok_rps" "$(python3 "$BENCH_DIR/wrkparse.py" --ok "$RAW/$name-$c.txt")"
  kv "${name}_${c}_p50" "$p50"; kv "${name}_${c}_p99" "$p99"; kv "${name}_${c}_non2xx" "$non"; kv "${name}_${c}_errors" "$err"
  kv "${name}_${c}_load_before" "$before"; kv "${name}_${c}_load_after" "$after"
}
# drain NAME: wait until the queues are empty and the outbox published (DRAIN_NAME_* keys)
drain() {
  sidefx drain --schemas "$SCHEMA" --max "$DRAIN_MAX" > "$RAW/drain-$1.kv"
  kv_file "drain_$1" "$RAW/drain-$1.kv"
  log "after $1: $(tr '\n' ' ' < "$RAW/drain-$1.kv")"
}

# quick sale
if row quicksale; then
  WRK_SCRIPT="$BENCH_DIR/quicksale.lua" warm_until_stable "$RAW/warm-quicksale" 16 "$BASE/api/v1/orders"
  kv warm_quicksale "$(tr '\n' ';' < "$RAW/warm-quicksale.log")"
  drain quicksale_warmup
  jfr_start
  for c in 16 64; do WRK_SCRIPT="$BENCH_DIR/quicksale.lua" wrk_row quicksale "$c" "$BASE/api/v1/orders"; done
  jfr_stop profile
  drain quicksale
fi

# create + card pay: warm-up until stable in 10 s chunks of the same closed loop, then 16 and 64 clients
if row cardpay; then
  elapsed=0; : > "$RAW/warm-cardpay.log"
  while :; do
    elapsed=$(( elapsed + 10 ))
    bench load "$BASE" "$RAW/tenants.txt" 16 10 "$RAW/warm-cardpay.md" "$RAW/warm-cardpay.kv" nolag >/dev/null
    rate=$(sed -n 's/^orders_per_s=//p' "$RAW/warm-cardpay.kv")
    echo "warm-up ${elapsed}s: $rate orders/s" >> "$RAW/warm-cardpay.log"
    (( elapsed >= ${BENCH_WARMUP_MIN:-180} )) && is_warm "$RAW/warm-cardpay.log" && break
    (( elapsed >= ${BENCH_WARMUP_MAX:-900} )) && { echo "not stable after ${BENCH_WARMUP_MAX:-900}s" >> "$RAW/warm-cardpay.log"; break; }
  done
  kv warm_cardpay "$(tr '\n' ';' < "$RAW/warm-cardpay.log")"
  drain cardpay_warmup
  for c in 16 64; do
    before=$(loadavg)
    bench load "$BASE" "$RAW/tenants.txt" "$c" "$DURATION" "$RAW/cardpay.md" "$RAW/cardpay-$c.kv" nolag >&2
    kv_file "cardpay_$c" "$RAW/cardpay-$c.kv"
    kv "cardpay_${c}_load_before" "$before"; kv "cardpay_${c}_load_after" "$(loadavg)"
  done
  drain cardpay
fi

# authenticated menu and readiness
if row menu; then
  warm_until_stable "$RAW/warm-menu" 16 "$MENU"
  kv warm_menu "$(tr '\n' ';' < "$RAW/warm-menu.log")"
  jfr_start
  for c in 16 64; do wrk_row menu "$c" "$MENU"; done
  jfr_stop profile-menu
fi
if row ready; then
  warm_until_stable "$RAW/warm-ready" 16 "$BASE/health/ready"
  kv warm_ready "$(tr '\n' ';' < "$RAW/warm-ready.log")"
  jfr_start
  for c in 16 64; do wrk_row ready "$c" "$BASE/health/ready"; done
  jfr_stop profile-ready
fi

# the consumers' keep-up at a fixed share of the best quick-sale rate
if (( KEEPUP > 0 )) && row quicksale; then
  best=$(sed -n 's/^quicksale_\(16\|64\)_ok_rps=//p' "$KV" | sort -n | tail -1)
  rate=$(python3 -c "import sys; print(f'{float(sys.argv[1]) * float(sys.argv[2]) / 100:.1f}')" "$best" "$KEEPUP_PCT")
  drain keepup_start
  log "keep-up: quick sales at $rate/s ($KEEPUP_PCT % of $best) for ${KEEPUP}s"
  ( while sleep 5; do echo "$(date +%s) $(sidefx queues 2>/dev/null || echo '{}')"; done ) > "$RAW/keepup-queues.txt" &
  QUEUE_SAMPLER=$!
  before=$(loadavg)
  bench rate "$BASE" "$RAW/tenants.txt" "$rate" "$KEEPUP" "$RAW/keepup.kv" >&2
  kv keepup_load_before "$before"; kv keepup_load_after "$(loadavg)"
  kill "$QUEUE_SAMPLER" 2>/dev/null || true; wait "$QUEUE_SAMPLER" 2>/dev/null || true; QUEUE_SAMPLER=
  kv_file keepup "$RAW/keepup.kv"
  kv keepup_depth_at_stop "$(sidefx queues | python3 -c 'import json,sys; d=json.load(sys.stdin); print(",".join(f"{k}:{v}" for k,v in d.items() if v != 0) or "all empty")')"
  kv keepup_depth_max "$(python3 -c '
import json, sys
best = {}
for line in open(sys.argv[1]):
    _, _, doc = line.partition(" ")
    for q, d in json.loads(doc or "{}").items():
        best[q] = max(best.get(q, d), d)
print(",".join(f"{q}:{d}" for q, d in best.items()) or "-")' "$RAW/keepup-queues.txt")"
  drain keepup
  from=$(sed -n 's/^window_start=//p' "$RAW/keepup.kv"); to=$(sed -n 's/^window_end=//p' "$RAW/keepup.kv")
  sidefx lag --schema "$SCHEMA" --from "$from" --to "$to" > "$RAW/keepup-lag.kv"
  kv_file keepup_lag "$RAW/keepup-lag.kv"
  log "keep-up lags: $(tr '\n' ' ' < "$RAW/keepup-lag.kv")"
fi
kv exception_destinations "$(sidefx queues | python3 -c 'import json,sys; d=json.load(sys.stdin); print(",".join(f"{k}:{v}" for k,v in d.items() if k.endswith(".Exception")))')"
rss_sampler_stop
kv rss_max_mib "$(( $(sort -n "$RAW/rss.txt" | tail -1) / 1024 ))"
kv load_at_end "$(loadavg)"

python3 "$BENCH_DIR/compare_report.py" "$KV" "$RAW/machine.md" "$RAW" > "$OUT"
if [ "${BENCH_UPDATE_RESULTS:-1}" = 1 ]; then
  update_results_section compare "$OUT"
fi
cat "$OUT"

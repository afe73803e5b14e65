#!/usr/bin/env bash
# Benchmark 3: tenant-count scaling. The same tenant-scoped read (GET /api/v1/outlets of tenant
# scale0000, one outlet) with ~10 and then ~1,000 tenants in the database, on a fresh server.
#   BENCH_DB=h2 (default) | postgresql   -- postgresql: creates database rms_bench on 127.0.0.1:5432
#                                           (user postgres) and drops it at the end
#   BENCH_SMALL=10 BENCH_LARGE=1000 BENCH_CONNS=16 BENCH_DURATION=10 BENCH_REPEATS=3
#   BENCH_FILL_CONCURRENCY=2 BENCH_SKIP_BUILD=1; warm-up: see warm_until_stable in lib.sh
set -euo pipefail
. "$(dirname "$0")/lib.sh"
DB="${BENCH_DB:-h2}"
SMALL="${BENCH_SMALL:-10}"; LARGE="${BENCH_LARGE:-1000}"
CONNS="${BENCH_CONNS:-16}"; DURATION="${BENCH_DURATION:-10}"; REPEATS="${BENCH_REPEATS:-3}"
FILLC="${BENCH_FILL_CONCURRENCY:-2}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$RESULTS_DIR/tenant-scaling-$DB-$STAMP.md"
RAW="$RESULTS_DIR/raw/tenant-scaling-$DB-$STAMP"
mkdir -p "$RAW"

cleanup() {
  stop_server
  drop_database
}
[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || build_server
use_database
trap cleanup EXIT
reset_state
start_ms=$(start_server)
log "server ready in ${start_ms} ms on $DB"

tenant_count() { curl -s "$BASE/health/ready" | python3 -c 'import json,sys,re; d=json.load(sys.stdin); print([int(re.match(r"(\d+)", c["data"]["detail"]).group(1)) for c in d["checks"] if c["name"]=="database"][0])'; }

# fill up to a total tenant count (as the readiness check counts them)
fill_to() {
  local target=$1 label=$2 have; have=$(tenant_count)
  local need=$(( target - have ))
  if (( need > 0 )); then
    log "provisioning $need tenants ($have -> $target)"
    local extra=(); [ "$label" = small ] && extra=(--outlet)
    python3 "$BENCH_DIR/provision.py" --base "$BASE" --prefix scale --from "$(( ${FILLED:-0} ))" --count "$need" \
      --concurrency "$([ "$label" = small ] && echo 1 || echo "$FILLC")" --json "$RAW/provision-$label.json" "${extra[@]}" \
      > "$RAW/provision-$label-summary.json"
    FILLED=$(( ${FILLED:-0} + need ))
  fi
}

measure() {  # label -> appends rows, sets MED_RPS
  local label=$1 rows=()
  warm_until_stable "$RAW/warmup-$label" "$CONNS" "$BASE/api/v1/outlets"
  for r in $(seq 1 "$REPEATS"); do
    local before after; before=$(loadavg)
    run_wrk "$RAW/$label-$r.txt" "$CONNS" "$DURATION" "$BASE/api/v1/outlets"
    after=$(loadavg)
    read -r rps p50 p99 non err < <(wrk_summary "$RAW/$label-$r.txt")
    log "$label run $r: $rps req/s p50 $p50 p99 $p99 non-2xx $non load $after"
    echo "| $(tenant_count) | $r | $rps | $p50 | $p99 | $non | $before | $after |" >> "$RAW/rows.md"
    echo "$rps $p50 $p99" >> "$RAW/$label-numbers.txt"
  done
}

FILLED=0
fill_to "$SMALL" small
export WRK_TENANT=scale0000 WRK_TOKEN
WRK_TOKEN="$(token scale0000 owner owner-scale0000-pw)"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $WRK_TOKEN" -H "X-Tenant-ID: scale0000" "$BASE/api/v1/outlets")
[ "$code" = 200 ] || { echo "outlets answered $code" >&2; exit 1; }
: > "$RAW/rows.md"
measure small
small_count=$(tenant_count)
fill_to "$LARGE" large
large_count=$(tenant_count)
WRK_TOKEN="$(token scale0000 owner owner-scale0000-pw)"
measure large
rss=$(rss_kib)

med() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
s_rps=$(cut -d' ' -f1 "$RAW/small-numbers.txt" | med); l_rps=$(cut -d' ' -f1 "$RAW/large-numbers.txt" | med)
s_p50=$(cut -d' ' -f2 "$RAW/small-numbers.txt" | med); l_p50=$(cut -d' ' -f2 "$RAW/large-numbers.txt" | med)
s_p99=$(cut -d' ' -f3 "$RAW/small-numbers.txt" | med); l_p99=$(cut -d' ' -f3 "$RAW/large-numbers.txt" | med)
slow=$(python3 -c "import sys; s,l=map(float,sys.argv[1:]); print(f'{(s-l)/s*100:.1f}')" "$s_rps" "$l_rps")
fill=$(cat "$RAW/provision-large-summary.json" 2>/dev/null || echo '{}')
{
  echo "## Tenant-count scaling, $DB ($STAMP)"
  echo
  machine_info
  echo "- database: $DB; read: GET /api/v1/outlets as owner of tenant scale0000 (1 outlet), wrk ${CONNS} connections," \
       "${REPEATS} x ${DURATION}s after a warm-up until stable (10 s chunks until the mean of the last six is within ${BENCH_STABLE_PCT:-5} % of the six before, ${BENCH_WARMUP_MIN:-180}-${BENCH_WARMUP_MAX:-900} s) at each tenant count; same server process throughout"
  echo "- warm-up (req/s per 10 s chunk): $(tr '\n' ';' < "$RAW/warmup-small.log") then $(tr '\n' ';' < "$RAW/warmup-large.log")"
  echo "- tenants counted by the readiness check: $small_count, then $large_count"
  echo "- filling provisioning (concurrency $FILLC): $fill"
  echo "- server RSS after the large runs: $(( rss / 1024 )) MiB"
  echo
  echo "| tenants | run | req/s | p50 ms | p99 ms | non-2xx | load avg before | load avg after |"
  echo "|---|---|---|---|---|---|---|---|"
  cat "$RAW/rows.md"
  echo
  echo "Medians: $small_count tenants $s_rps req/s (p50 $s_p50 ms, p99 $s_p99 ms); $large_count tenants $l_rps req/s (p50 $l_p50 ms, p99 $l_p99 ms)."
  echo "**Throughput slowdown from $small_count to $large_count tenants: $slow %** (negative = faster)."
} > "$OUT"
cat "$OUT"

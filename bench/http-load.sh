#!/usr/bin/env bash
# Benchmark 1 (+ RSS of benchmark 4): GET /health/ready and the tenant-scoped GET /api/v1/outlets
# under load at 16 and 64 connections with wrk (--latency), after a warm-up. Fresh server state
# (embedded H2, demo tenant), loopback only, stops the server at the end.
#   BENCH_DURATION (s, default 15)  BENCH_SKIP_BUILD=1  BENCH_CONNS="16 64"
#   warm-up per endpoint until stable: see warm_until_stable in lib.sh (BENCH_WARMUP_MIN/MAX, BENCH_STABLE_PCT)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
DURATION="${BENCH_DURATION:-15}"
CONNS="${BENCH_CONNS:-16 64}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$RESULTS_DIR/http-load-$STAMP.md"
RAW="$RESULTS_DIR/raw/http-load-$STAMP"
mkdir -p "$RAW"

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || build_server
trap stop_server EXIT
reset_state
start_ms=$(start_server)
log "server ready in ${start_ms} ms (fresh state, via mvn liberty:start)"

export WRK_TOKEN WRK_TENANT=demo
WRK_TOKEN="$(token demo owner owner-demo)"
# sanity: both endpoints answer 200 with these headers
for path in /health/ready /api/v1/outlets; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $WRK_TOKEN" -H "X-Tenant-ID: demo" "$BASE$path")
  [ "$code" = 200 ] || { echo "GET $path answered $code" >&2; exit 1; }
done

warm_until_stable "$RAW/warmup-health" 16 "$BASE/health/ready"
warm_until_stable "$RAW/warmup-outlets" 16 "$BASE/api/v1/outlets"

{
  echo "## HTTP load ($STAMP)"
  echo
  machine_info
  echo "- server: embedded H2, demo tenant (2 outlets), rate limits at their defaults unless set in the environment" \
       "(RMS_RATELIMIT_CLIENT_RPS=${RMS_RATELIMIT_CLIENT_RPS:-default 10000}, RMS_RATELIMIT_TENANT_RPS=${RMS_RATELIMIT_TENANT_RPS:-default 20000})"
  echo "- wrk: 2 threads, ${DURATION}s per run, after a warm-up per endpoint at 16 connections until stable (10 s chunks until the mean of the last six is within ${BENCH_STABLE_PCT:-5} % of the six before, ${BENCH_WARMUP_MIN:-180}-${BENCH_WARMUP_MAX:-900} s)"
  echo "- warm-up req/s per 10 s chunk: health $(tr '\n' ';' < "$RAW/warmup-health.log") outlets $(tr '\n' ';' < "$RAW/warmup-outlets.log")"
  echo
  echo "| endpoint | conns | req/s | p50 ms | p99 ms | non-2xx | socket errors | RSS max MiB | load avg before | load avg after |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} > "$OUT"

for name in health outlets; do
  case $name in health) url="$BASE/health/ready";; outlets) url="$BASE/api/v1/outlets";; esac
  for c in $CONNS; do
    before=$(loadavg)
    # sample the server's RSS once a second during the run
    ( while sleep 1; do rss_kib; done ) > "$RAW/rss-$name-$c.txt" &
    sampler=$!
    run_wrk "$RAW/$name-$c.txt" "$c" "$DURATION" "$url"
    kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
    after=$(loadavg)
    read -r rps p50 p99 non err < <(wrk_summary "$RAW/$name-$c.txt")
    rss=$(sort -n "$RAW/rss-$name-$c.txt" | tail -1)
    log "$name c=$c: $rps req/s p50 ${p50}ms p99 ${p99}ms non-2xx $non rss ${rss}KiB load $after"
    echo "| GET $( [ $name = health ] && echo /health/ready || echo /api/v1/outlets ) | $c | $rps | $p50 | $p99 | $non | $err | $(( rss / 1024 )) | $before | $after |" >> "$OUT"
  done
done
echo >> "$OUT"
echo "Raw wrk outputs and RSS samples: \`bench/results/raw/http-load-$STAMP/\`." >> "$OUT"
cat "$OUT"

#!/usr/bin/env bash
# Issue 3 benchmarks: GET /api/v1/outlets/{id}/menu for a 100-item menu at 64 connections, answered
# 200 (full body) and 304 (If-None-Match), and the availability check of a 10-line order
# (POST /outlets/{id}/stock/availability) under load, with its in-process time read from the server's
# own MicroProfile Metrics timer (rms_stock_availability_check). Fresh server state (embedded H2),
# loopback only, stops the server at the end.
#   BENCH_DURATION (s, default 15)  BENCH_SKIP_BUILD=1
set -euo pipefail
. "$(dirname "$0")/lib.sh"
DURATION="${BENCH_DURATION:-15}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$RESULTS_DIR/catalogue-load-$STAMP.md"
RAW="$RESULTS_DIR/raw/catalogue-load-$STAMP"
mkdir -p "$RAW"
# The benchmark measures the server, not the rate limiter: lift the per-client limit for this run.
export RMS_RATELIMIT_CLIENT_RPS="${RMS_RATELIMIT_CLIENT_RPS:-1000000}" RMS_RATELIMIT_TENANT_RPS="${RMS_RATELIMIT_TENANT_RPS:-1000000}"

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || build_server
trap stop_server EXIT
reset_state
start_ms=$(start_server)
log "server ready in ${start_ms} ms"

log "setting up 100 menu items, 10 stock items and recipes"
eval "$(python3 "$BENCH_DIR/catalogue_setup.py" "$BASE" "$RAW/availability-body.json")"
export WRK_TOKEN="$OWNER_TOKEN" WRK_TENANT="$TENANT"
MENU="$BASE/api/v1/outlets/$OUTLET/menu"
AVAIL="$BASE/api/v1/outlets/$OUTLET/stock/availability"
ETAG=$(curl -s -D - -o "$RAW/menu.json" -H "Authorization: Bearer $OWNER_TOKEN" -H "X-Tenant-ID: $TENANT" "$MENU" \
  | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
items=$(python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print(sum(len(c['items']) for c in m['categories']))" "$RAW/menu.json")
[ "$items" = 100 ] || { echo "the menu has $items items, expected 100" >&2; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $OWNER_TOKEN" -H "X-Tenant-ID: $TENANT" \
  -H "If-None-Match: $ETAG" "$MENU")
[ "$code" = 304 ] || { echo "conditional GET answered $code" >&2; exit 1; }
curl -sf -H "Authorization: Bearer $OWNER_TOKEN" -H "X-Tenant-ID: $TENANT" -H 'Content-Type: application/json' \
  -d @"$RAW/availability-body.json" "$AVAIL" | grep -q '"available":true' || { echo "the 10-line order is not available" >&2; exit 1; }

warm_until_stable "$RAW/warmup-menu" 64 "$MENU"
export WRK_BODY_FILE="$RAW/availability-body.json"
warm_until_stable "$RAW/warmup-avail" 16 "$AVAIL"
unset WRK_BODY_FILE

{
  echo "## Catalogue load ($STAMP)"
  echo
  machine_info
  echo "- server: embedded H2; one tenant with a 100-item menu (10 categories, a modifier group per item); rate limits lifted for the run"
  echo "- menu JSON: $(wc -c < "$RAW/menu.json") bytes; wrk 2 threads, ${DURATION}s per run after a warm-up until stable"
  echo
  echo "| request | conns | req/s | p50 ms | p99 ms | non-2xx/3xx | load avg after |"
  echo "|---|---|---|---|---|---|---|"
} > "$OUT"

run_case() { # name conns url
  local name=$1 c=$2 url=$3
  run_wrk "$RAW/$name.txt" "$c" "$DURATION" "$url"
  read -r rps p50 p99 non err < <(wrk_summary "$RAW/$name.txt")
  log "$name c=$c: $rps req/s p50 ${p50}ms p99 ${p99}ms non-2xx $non"
  echo "| $name | $c | $rps | $p50 | $p99 | $non | $(loadavg) |" >> "$OUT"
}
run_case "GET menu (200)" 64 "$MENU"
export WRK_IF_NONE_MATCH="$ETAG"
run_case "GET menu, If-None-Match (304)" 64 "$MENU"
unset WRK_IF_NONE_MATCH
export WRK_BODY_FILE="$RAW/availability-body.json"
run_case "POST availability, 10 lines" 16 "$AVAIL"
unset WRK_BODY_FILE

curl -s "$BASE/metrics?scope=application" > "$RAW/metrics.txt"
{
  echo
  echo "In-process time of the availability check (server's MicroProfile Metrics timer over the whole run, seconds):"
  echo
  echo '```'
  grep -E '^rms_stock_availability_check_seconds(\{|_count|_max)' "$RAW/metrics.txt" || echo "(timer not found)"
  echo '```'
} >> "$OUT"
cat "$OUT"

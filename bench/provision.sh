#!/usr/bin/env bash
# Benchmark 2: tenant provisioning time. Provisions N tenants (default 20) one after the other through
# POST /api/v1/tenants on a fresh server (embedded H2 unless RMS_DB=postgresql is exported) and reports
# min / median / p95 / max ms per tenant (the POST answers once schema, migrations and owner are ready).
#   BENCH_TENANTS (default 20)  BENCH_SKIP_BUILD=1
set -euo pipefail
. "$(dirname "$0")/lib.sh"
N="${BENCH_TENANTS:-20}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$RESULTS_DIR/provision-$STAMP.md"
mkdir -p "$RESULTS_DIR/raw"

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || build_server
trap stop_server EXIT
reset_state
start_ms=$(start_server)
log "server ready in ${start_ms} ms"
before=$(loadavg)
summary=$(python3 "$BENCH_DIR/provision.py" --base "$BASE" --prefix prov --count "$N" --concurrency 1 \
  --json "$RESULTS_DIR/raw/provision-$STAMP.json")
after=$(loadavg)
read -r mn med p95 mx < <(python3 -c 'import json,sys; s=json.loads(sys.argv[1]); print(s["min_ms"], s["median_ms"], s["p95_ms"], s["max_ms"])' "$summary")
{
  echo "## Tenant provisioning ($STAMP)"
  echo
  machine_info
  echo "- database: ${RMS_DB:-h2}; $N tenants provisioned sequentially via POST /api/v1/tenants (one HTTP call each, timed client-side)"
  echo
  echo "| tenants | min ms | median ms | p95 ms | max ms | load avg before | load avg after |"
  echo "|---|---|---|---|---|---|---|"
  echo "| $N | $mn | $med | $p95 | $mx | $before | $after |"
  echo
  echo "Per-tenant timings: \`bench/results/raw/provision-$STAMP.json\`."
} > "$OUT"
cat "$OUT"

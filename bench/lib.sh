# Common helpers for the RMS benchmarks. Source it from a bench script:  . "$(dirname "$0")/lib.sh"
# Everything talks to 127.0.0.1 only. Ports default to 29080/29443 (never 9080/9443/19080/19443).

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
: "${BENCH_HTTP_PORT:=29080}"
: "${BENCH_HTTPS_PORT:=29443}"
: "${RMS_ADMIN_PASSWORD:=bench-admin-Pw-2026}"
export RMS_ADMIN_PASSWORD
BASE="http://127.0.0.1:${BENCH_HTTP_PORT}"
SERVER_DIR="$ROOT/rms-ear/target/liberty/wlp/usr/servers/rms"
WLP="$ROOT/rms-ear/target/liberty/wlp"
RESULTS_DIR="$BENCH_DIR/results"
MVN="${MVN:-mvn}"

for p in "$BENCH_HTTP_PORT" "$BENCH_HTTPS_PORT"; do
  case "$p" in 9080|9443|19080|19443) echo "refusing reserved port $p" >&2; exit 2;; esac
done

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# workflow_run NAME: a run of the JDK load generator; sets STAMP, OUT (the summary) and RAW (its files)
# and compiles WorkflowBench.java there, which bench ARGS... then runs.
workflow_run() {
  STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
  OUT="$RESULTS_DIR/$1-${BENCH_DB:-h2}-$STAMP.md"
  RAW="$RESULTS_DIR/raw/$1-${BENCH_DB:-h2}-$STAMP"
  mkdir -p "$RAW"
  javac -d "$RAW/classes" "$BENCH_DIR/WorkflowBench.java"
}
bench() { java -cp "$RAW/classes" WorkflowBench "$@"; }
now_ms() { date +%s%3N; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

machine_info() {
  echo "- date (summary written): $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "- nproc: $(nproc)"
  echo "- cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "- memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "- java: $(java -version 2>&1 | head -1)"
  echo "- wrk: $(command -v wrk >/dev/null && wrk -v 2>&1 | head -1 | cut -d' ' -f1-2 || echo not installed)"
  echo "- git: $(git -C "$ROOT" rev-parse --short HEAD) ($(git -C "$ROOT" rev-parse --abbrev-ref HEAD))"
  echo "- load average when this summary was written: $(loadavg)"
}

port_in_use() { ss -ltn "( sport = :$1 )" 2>/dev/null | grep -q LISTEN; }

# Build the EAR and create/deploy the server (no start).
build_server() {
  log "building (mvn install -DskipTests -DskipITs) and creating the Liberty server"
  (cd "$ROOT" && $MVN -q -DskipTests -DskipITs install)
  (cd "$ROOT" && $MVN -q -pl rms-ear liberty:create liberty:deploy \
      -Drms.http.port="$BENCH_HTTP_PORT" -Drms.https.port="$BENCH_HTTPS_PORT")
}

reset_state() {
  log "resetting server state (data, messaging, logs)"
  rm -rf "$SERVER_DIR/data" "$SERVER_DIR/messaging" "$SERVER_DIR/logs"
}

# Start through Maven (as the project documents). Prints ms from invocation to /health/ready UP.
start_server() {
  if port_in_use "$BENCH_HTTP_PORT"; then echo "port $BENCH_HTTP_PORT already in use" >&2; return 1; fi
  local t0; t0=$(now_ms)
  (cd "$ROOT" && $MVN -q -pl rms-ear liberty:start \
      -Drms.http.port="$BENCH_HTTP_PORT" -Drms.https.port="$BENCH_HTTPS_PORT") >&2
  wait_ready 240
  echo $(( $(now_ms) - t0 ))
}

# Start with the runtime's own script (no Maven JVM in the measurement).
start_server_direct() {
  if port_in_use "$BENCH_HTTP_PORT"; then echo "port $BENCH_HTTP_PORT already in use" >&2; return 1; fi
  local t0; t0=$(now_ms)
  "$WLP/bin/server" start rms >&2
  wait_ready 240
  echo $(( $(now_ms) - t0 ))
}

stop_server() {
  log "stopping the server"
  (cd "$ROOT" && $MVN -q -pl rms-ear liberty:stop) >&2 || "$WLP/bin/server" stop rms >&2 || true
}

wait_ready() {
  local limit=$1 t0; t0=$(date +%s)
  until curl -sf -m 2 "$BASE/health/ready" 2>/dev/null | grep -q '"status":"UP"'; do
    if (( $(date +%s) - t0 > limit )); then echo "server not ready after ${limit}s" >&2; return 1; fi
    sleep 0.1
  done
}

server_pid() { cat "$WLP/usr/servers/.pid/rms.pid" 2>/dev/null; }
rss_kib() { ps -o rss= -p "$(server_pid)" 2>/dev/null | tr -d ' '; }

# token TENANT USER PASSWORD  (TENANT empty for the platform admin)
token() {
  local body
  if [ -z "$1" ]; then body="{\"username\":\"$2\",\"password\":\"$3\"}"
  else body="{\"tenant\":\"$1\",\"username\":\"$2\",\"password\":\"$3\"}"; fi
  curl -sf -m 10 -H 'Content-Type: application/json' -d "$body" "$BASE/api/v1/auth/token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

# run_wrk OUTFILE CONNS SECONDS URL [extra wrk args...]; headers come from WRK_TOKEN/WRK_TENANT via headers.lua
run_wrk() {
  local out=$1 c=$2 d=$3 url=$4; shift 4
  wrk -t2 -c"$c" -d"${d}s" --timeout 10s --latency -s "$BENCH_DIR/headers.lua" "$@" "$url" > "$out"
}

# Summarise a wrk --latency output as: rps p50 p99 non2xx errors
wrk_summary() {
  python3 "$BENCH_DIR/wrkparse.py" "$1"
}

# warm_until_stable RAWPREFIX CONNS URL: 10 s wrk chunks until two consecutive chunks differ by less than
# BENCH_STABLE_PCT (10) % in req/s, at least BENCH_WARMUP_MIN (60) s and at most BENCH_WARMUP_MAX (180) s.
# The JIT of a freshly started Liberty needs minutes of traffic on 2 busy cores; a fixed 15 s warm-up
# measured a cold server (1,000 req/s that became 4,000-5,000 req/s later in the same process).
warm_until_stable() {
  local prefix=$1 c=$2 url=$3 chunk=10 elapsed=0 prev=0 rps
  local min="${BENCH_WARMUP_MIN:-60}" max="${BENCH_WARMUP_MAX:-180}" pct="${BENCH_STABLE_PCT:-10}"
  while :; do
    elapsed=$(( elapsed + chunk ))
    run_wrk "$prefix-$elapsed.txt" "$c" "$chunk" "$url"
    rps=$(wrk_summary "$prefix-$elapsed.txt" | cut -d' ' -f1)
    echo "warm-up ${elapsed}s: $rps req/s" >> "$prefix.log"
    if (( elapsed >= min )) && (( prev > 0 )) && \
       python3 -c "import sys; p,r,x=map(float,sys.argv[1:]); sys.exit(0 if abs(r-p)/p*100 < x else 1)" "$prev" "$rps" "$pct"; then
      break
    fi
    (( elapsed >= max )) && { echo "not stable after ${max}s" >> "$prefix.log"; break; }
    prev=$rps
  done
  log "warm-up $url c=$c: ${elapsed}s, last $rps req/s ($(tr '\n' ';' < "$prefix.log"))"
}

# use_database: BENCH_DB=h2 (default) or postgresql (database ${BENCH_PG_DB:-rms_bench} on 127.0.0.1:5432,
# user postgres, created fresh now); exports the server's RMS_DB* variables. drop_database undoes it.
use_database() {
  DB="${BENCH_DB:-h2}"
  PGDB="${BENCH_PG_DB:-rms_bench}"
  if [ "$DB" = postgresql ]; then
    dropdb -h 127.0.0.1 -U postgres --if-exists "$PGDB"
    createdb -h 127.0.0.1 -U postgres "$PGDB"
    export RMS_DB=postgresql RMS_DB_URL="jdbc:postgresql://127.0.0.1:5432/$PGDB?currentSchema=rms_none" \
           RMS_DB_USER=postgres RMS_DB_PASSWORD=
  else
    export RMS_DB=h2
  fi
}

drop_database() {
  if [ "${DB:-h2}" = postgresql ]; then log "dropping database $PGDB"; dropdb -h 127.0.0.1 -U postgres --if-exists "$PGDB" || true; fi
}

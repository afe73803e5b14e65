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
# The build never installs into ~/.m2 (five worktrees share it): the reactor installs into a private
# local repository of this worktree, seeded from ~/.m2 (third-party files hard-linked, their metadata
# copied, com.rms left out), and every Maven call of the benchmarks resolves from there only.
M2_SHARED="${BENCH_M2_SHARED:-$HOME/.m2/repository}"
M2_PRIVATE="${BENCH_M2:-$ROOT/target/bench-m2}"
MVN="${MVN:-mvn} -B -ntp -o -Dmaven.repo.local=$M2_PRIVATE"

for p in "$BENCH_HTTP_PORT" "$BENCH_HTTPS_PORT"; do
  case "$p" in 9080|9443|19080|19443) echo "refusing reserved port $p" >&2; exit 2;; esac
done

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# workflow_run NAME [SUFFIX]: a run of the JDK load generator; sets STAMP, OUT (the summary) and RAW (its
# files), named NAME-SUFFIX-STAMP (SUFFIX: the database unless given; empty: none), and compiles
# WorkflowBench.java there, which bench ARGS... then runs.
workflow_run() {
  local name="$1-${BENCH_DB:-h2}"
  [ $# -ge 2 ] && name="$1${2:+-$2}"
  STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
  OUT="$RESULTS_DIR/$name-$STAMP.md"
  RAW="$RESULTS_DIR/raw/$name-$STAMP"
  mkdir -p "$RAW"
  javac -d "$RAW/classes" "$BENCH_DIR/WorkflowBench.java"
}
bench() { java -cp "$RAW/classes" WorkflowBench "$@"; }
now_ms() { date +%s%3N; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# machine_info [start]: Markdown lines of machine facts; "start" labels the date as the run's start and
# leaves out the load average (the caller records it per row).
machine_info() {
  if [ "${1:-}" = start ]; then echo "- date (run started): $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  else echo "- date (summary written): $(date -u '+%Y-%m-%d %H:%M:%S UTC')"; fi
  echo "- nproc: $(nproc)"
  echo "- cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "- memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "- java: $(java -version 2>&1 | head -1)"
  # wrk -v exits 1: under pipefail that failed the pipeline and printed "not installed" as well
  echo "- wrk: $(command -v wrk >/dev/null && { wrk -v 2>&1 || true; } | head -1 | cut -d' ' -f1-2 || echo not installed)"
  echo "- git: $(git -C "$ROOT" rev-parse --short HEAD) ($(git -C "$ROOT" rev-parse --abbrev-ref HEAD)); server code (outside bench/) last changed in $(git -C "$ROOT" log -1 --format=%h -- . ':!bench')$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench' || echo ', plus uncommitted changes')"
  [ "${1:-}" = start ] || echo "- load average when this summary was written: $(loadavg)"
}

port_in_use() { ss -ltn "( sport = :$1 )" 2>/dev/null | grep -q LISTEN; }

# seed_private_repo: link the shared repository's third-party files that the private one lacks. Artifacts
# (jar, zip, pom, ...) are only ever replaced by a rename, so a hard link is safe; the files Maven rewrites
# in place (_remote.repositories, maven-metadata*.xml, *.lastUpdated, resolver-status.properties) are
# copied; com/rms is never taken from ~/.m2: the worktree's own build installs it here.
seed_private_repo() {
  mkdir -p "$M2_PRIVATE"
  python3 - "$M2_SHARED" "$M2_PRIVATE" <<'PY'
import os, shutil, sys
src, dst = sys.argv[1:]
rewritten = ("_remote.repositories", "resolver-status.properties")
linked = copied = 0
for d, dirs, files in os.walk(src):
    rel = os.path.relpath(d, src)
    if rel == os.path.join("com", "rms") or rel.startswith(os.path.join("com", "rms") + os.sep):
        dirs[:] = []
        continue
    os.makedirs(os.path.join(dst, rel), exist_ok=True)
    for f in files:
        s, t = os.path.join(d, f), os.path.join(dst, rel, f)
        if os.path.lexists(t):
            continue
        if f in rewritten or f.startswith("maven-metadata") or f.endswith(".lastUpdated"):
            shutil.copy2(s, t); copied += 1
        else:
            try:
                os.link(s, t); linked += 1
            except OSError:
                shutil.copy2(s, t); copied += 1
print(f"private Maven repository {dst}: {linked} files linked, {copied} copied from {src}", file=sys.stderr)
PY
}

# Build the EAR from this worktree and create/deploy the server (no start). Nothing goes to ~/.m2.
build_server() {
  seed_private_repo
  log "building this worktree (mvn install -DskipTests -DskipITs into $M2_PRIVATE) and creating the Liberty server"
  (cd "$ROOT" && $MVN -q -DskipTests -DskipITs install)
  (cd "$ROOT" && $MVN -q -pl rms-ear liberty:create liberty:deploy \
      -Drms.http.port="$BENCH_HTTP_PORT" -Drms.https.port="$BENCH_HTTPS_PORT")
  verify_deployed
}

# verify_deployed: the server's application is the EAR this worktree built, and that EAR carries the
# worktree's own modules (not copies resolved from some repository).
verify_deployed() {
  local ear="$ROOT/rms-ear/target/rms.ear" deployed="$SERVER_DIR/apps/rms.ear"
  [ -f "$deployed" ] || { echo "no application deployed at $deployed: run without BENCH_SKIP_BUILD=1" >&2; return 1; }
  if ! cmp -s "$ear" "$deployed"; then
    echo "the deployed $deployed is not this worktree's $ear: run without BENCH_SKIP_BUILD=1" >&2; return 1
  fi
  # each module inside the EAR has the entries (but its manifest) of the module this worktree built
  python3 - "$deployed" "$ROOT" <<'PY' || return 1
import glob, io, sys, zipfile
ear, root = sys.argv[1:]
def entries(z):
    return {i.filename: i.CRC for i in z.infolist() if i.filename != "META-INF/MANIFEST.MF" and not i.is_dir()}
with zipfile.ZipFile(ear) as e:
    for module, ext in (("rms-ejb", "jar"), ("rms-web", "war"), ("rms-jsf-admin", "war"), ("rms-pos-web", "war")):
        built = [f for f in glob.glob(f"{root}/{module}/target/{module}*.{ext}") if not f.endswith("-client.jar")]
        inner = entries(zipfile.ZipFile(io.BytesIO(e.read(f"{module}.{ext}"))))
        if len(built) != 1 or entries(zipfile.ZipFile(built[0])) != inner:
            sys.exit(f"the deployed EAR's {module}.{ext} is not what {root}/{module}/target holds ({built})")
PY
  log "deployed EAR = this worktree's build ($(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench' || echo ', with uncommitted changes'))"
}

# reset_state: fresh data, messaging store and logs; the EAR is expanded anew from apps/rms.ear (checked by
# verify_deployed) rather than taken from an earlier expansion
reset_state() {
  log "resetting server state (data, messaging, logs, the expanded application)"
  rm -rf "$SERVER_DIR/data" "$SERVER_DIR/messaging" "$SERVER_DIR/logs" "$SERVER_DIR/apps/expanded"
}

# Start through Maven (as the project documents). Prints ms from invocation to /health/ready UP.
start_server() {
  if port_in_use "$BENCH_HTTP_PORT"; then echo "port $BENCH_HTTP_PORT already in use" >&2; return 1; fi
  verify_deployed
  local t0; t0=$(now_ms)
  (cd "$ROOT" && $MVN -q -pl rms-ear liberty:start \
      -Drms.http.port="$BENCH_HTTP_PORT" -Drms.https.port="$BENCH_HTTPS_PORT") >&2
  wait_ready 240
  echo $(( $(now_ms) - t0 ))
}

# Start with the runtime's own script (no Maven JVM in the measurement).
start_server_direct() {
  if port_in_use "$BENCH_HTTP_PORT"; then echo "port $BENCH_HTTP_PORT already in use" >&2; return 1; fi
  verify_deployed
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

# run_wrk OUTFILE CONNS SECONDS URL [extra wrk args...]; the Lua script is WRK_SCRIPT (headers.lua: headers from
# WRK_TOKEN/WRK_TENANT; quicksale.lua: quick sales, each with an Idempotency-Key of its own)
run_wrk() {
  local out=$1 c=$2 d=$3 url=$4; shift 4
  wrk -t2 -c"$c" -d"${d}s" --timeout 10s --latency -s "${WRK_SCRIPT:-$BENCH_DIR/headers.lua}" "$@" "$url" > "$out"
}

# Summarise a wrk --latency output as: rps p50 p99 non2xx errors
wrk_summary() {
  python3 "$BENCH_DIR/wrkparse.py" "$1"
}

# warm_until_stable RAWPREFIX CONNS URL: 10 s wrk chunks until the server is warm (see is_warm), at least
# BENCH_WARMUP_MIN (180) s and at most BENCH_WARMUP_MAX (900) s. The JIT of a freshly started Liberty needs
# many minutes of traffic on 2 busy cores: a fixed 15 s warm-up measured a cold server (1,000 req/s that
# became 4,000-5,000 req/s later in the same process), and a rule of "two 10 s chunks within 10 %, 60-180 s"
# stopped while the rate still climbed a few % a chunk (the dashboard: ~575 req/s after it; a server kept
# under that load reached 1,863 req/s about fifteen minutes after its start).
warm_until_stable() {
  local prefix=$1 c=$2 url=$3 chunk=10 elapsed=0 rps
  local min="${BENCH_WARMUP_MIN:-180}" max="${BENCH_WARMUP_MAX:-900}"
  : > "$prefix.log"
  while :; do
    elapsed=$(( elapsed + chunk ))
    run_wrk "$prefix-$elapsed.txt" "$c" "$chunk" "$url"
    rps=$(wrk_summary "$prefix-$elapsed.txt" | cut -d' ' -f1)
    echo "warm-up ${elapsed}s: $rps req/s" >> "$prefix.log"
    (( elapsed >= min )) && is_warm "$prefix.log" && break
    (( elapsed >= max )) && { echo "not stable after ${max}s" >> "$prefix.log"; break; }
  done
  log "warm-up $url c=$c: ${elapsed}s, last $rps req/s ($(tr '\n' ';' < "$prefix.log"))"
}

# is_warm LOG: the rates of a warm-up log ("warm-up Ns: R ...", one line a 10 s chunk) have stopped rising:
# the mean of the last six chunks (a minute) is within BENCH_STABLE_PCT (5) % of the mean of the six before.
# Single 10 s chunks of one server swing by 15-25 % here, and a rule over two or three of them declared a
# server warm that was still getting faster by 10 % a minute.
is_warm() {
  python3 - "$1" "${BENCH_STABLE_PCT:-5}" <<'PY'
import re, sys
rates = [float(m.group(1)) for m in (re.search(r"warm-up \d+s: ([\d.]+)", l) for l in open(sys.argv[1])) if m]
if len(rates) < 12:
    sys.exit(1)
last, before = sum(rates[-6:]) / 6, sum(rates[-12:-6]) / 6
sys.exit(0 if before > 0 and abs(last - before) / before * 100 < float(sys.argv[2]) else 1)
PY
}

# use_database: BENCH_DB=h2 (default) or postgresql (database ${BENCH_PG_DB:-rms_bench} on 127.0.0.1, port
# ${BENCH_PG_PORT:-5432}, user postgres, created fresh now); exports the server's RMS_DB* variables.
# drop_database undoes it.
use_database() {
  DB="${BENCH_DB:-h2}"
  PGDB="${BENCH_PG_DB:-rms_bench}"
  PGPORT_BENCH="${BENCH_PG_PORT:-5432}"
  if [ "$DB" = postgresql ]; then
    dropdb -h 127.0.0.1 -p "$PGPORT_BENCH" -U postgres --if-exists "$PGDB"
    createdb -h 127.0.0.1 -p "$PGPORT_BENCH" -U postgres "$PGDB"
    export RMS_DB=postgresql RMS_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT_BENCH/$PGDB?currentSchema=rms_none" \
           RMS_DB_USER=postgres RMS_DB_PASSWORD=
  else
    export RMS_DB=h2
  fi
}

drop_database() {
  if [ "${DB:-h2}" = postgresql ]; then
    log "dropping database $PGDB"; dropdb -h 127.0.0.1 -p "$PGPORT_BENCH" -U postgres --if-exists "$PGDB" || true
  fi
}

# sidefx ARGS...: bench/sidefx.py against the server's PostgreSQL database (queue depths, drain, lags, checks)
sidefx() {
  python3 "$BENCH_DIR/sidefx.py" --base "$BASE" --port "${PGPORT_BENCH:-5432}" --db "${PGDB:-rms_bench}" "$@"
}

# rss_sampler_start FILE / rss_sampler_stop: the server's RSS (KiB) once a second into FILE, in the background
rss_sampler_start() {
  ( while sleep 1; do rss_kib; done ) >> "$1" 2>/dev/null &
  RSS_SAMPLER=$!
}
rss_sampler_stop() {
  [ -n "${RSS_SAMPLER:-}" ] || return 0
  kill "$RSS_SAMPLER" 2>/dev/null || true; wait "$RSS_SAMPLER" 2>/dev/null || true; RSS_SAMPLER=
}

# update_results_section NAME FILE: the section of bench/RESULTS.md between "<!-- NAME:begin -->" and
# "<!-- NAME:end -->" becomes FILE (a generated summary whose first line is its "## " heading), with
# BENCH_RESULTS_NOTE as a line of context under that heading; a new section goes before the first
# section of the file (generated or written). The committed file then shows the latest run of each such script.
update_results_section() {
  python3 - "$BENCH_DIR/RESULTS.md" "$1" "$2" "${BENCH_RESULTS_NOTE:-}" <<'PY'
import sys
path, name, src, note = sys.argv[1:]
text = open(path).read()
lines = open(src).read().rstrip("\n").split("\n")
if note:
    lines[1:1] = ["", "> " + note]
begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
section = "\n".join([begin] + lines + [end])
if begin in text and end in text:
    text = text[:text.index(begin)] + section + text[text.index(end) + len(end):]
else:
    # before the first section: a generated one (its begin marker) or a written one (its heading)
    at = min((i for i in (text.find("\n<!-- "), text.find("\n## ")) if i >= 0), default=len(text) - 1) + 1
    text = text[:at] + section + "\n\n" + text[at:]
open(path, "w").write(text)
PY
  log "updated the $1 section of bench/RESULTS.md"
}

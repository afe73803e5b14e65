#!/usr/bin/env bash
# The database goes away under load (issue 10, "Outages are not poison"). On a PRIVATE PostgreSQL cluster of
# its own -- never the shared one on 5432, which other engineers' tests use -- this script:
#   1. creates the cluster (pg_createcluster <version> rmschaos --port BENCH_CHAOS_PG_PORT (5499), trust
#      auth, listening on localhost only (the default), start.conf manual; as root) and a database rms_chaos
#      in it, and starts RMS (this worktree's EAR, production server.xml) on it;
#   2. sells: BENCH_CONNS (6) clients send quick sales (3 lines, cash; every BENCH_CUSTOMER_EVERY-th (4) with
#      a customer), each request with an Idempotency-Key of its own, every request and answer (status, ms,
#      Retry-After) in a ledger; after a warm-up (BENCH_CHAOS_WARMUP, 30 s, not checked) and
#      BENCH_STOP_AFTER (20) s of load, PostgreSQL is stopped IMMEDIATELY (pg_ctlcluster stop -m immediate)
#      for BENCH_OUTAGE (30) s, started again, and the load goes on for BENCH_AFTER (30) s;
#   3. retries every request that got no final answer (none, a 5xx, 409 or 429) with its own key until it
#      has one, then checks: every acknowledged order is COMPLETED once, paid once, its stock deducted once,
#      its sales facts written once, its points earned once if it has a customer, and no other order was
#      created (sidefx.py check); zero messages in the exception destinations (sidefx.py queues: the system
#      status, or BENCH_QUEUES_CMD); no answer slower than BENCH_MAX_ANSWER_MS (3000); every answer to a
#      request sent during the outage (after the stop command returned, before the start command) a 503 with
#      Retry-After; those sent while a command ran are counted apart, whatever they are;
#   4. writes bench/results/chaos-db-<UTC stamp>.md, replaces the "chaos-db.sh" section of bench/RESULTS.md
#      (BENCH_UPDATE_RESULTS=0: don't), stops the server and drops the cluster (BENCH_CHAOS_KEEP=1 keeps it,
#      stopped). Exit status 1 if any check failed.
# Needs root (pg_createcluster, pg_ctlcluster) and the postgresql-<version> server package. About 6 minutes.
#   BENCH_SKIP_BUILD BENCH_CONNS BENCH_CHAOS_WARMUP BENCH_STOP_AFTER BENCH_OUTAGE BENCH_AFTER BENCH_CHAOS_PG_PORT
#   BENCH_MAX_ANSWER_MS BENCH_CHAOS_KEEP BENCH_REQUEST_TIMEOUT (30 s: a request unanswered that long is "no answer")
set -euo pipefail
. "$(dirname "$0")/lib.sh"
CONNS="${BENCH_CONNS:-6}"
WARMUP="${BENCH_CHAOS_WARMUP:-30}"
STOP_AFTER="${BENCH_STOP_AFTER:-20}"
OUTAGE="${BENCH_OUTAGE:-30}"
AFTER="${BENCH_AFTER:-30}"
MAX_MS="${BENCH_MAX_ANSWER_MS:-3000}"
export BENCH_CUSTOMER_EVERY="${BENCH_CUSTOMER_EVERY:-4}"
PGVER="${BENCH_PG_VERSION:-$(ls /etc/postgresql | sort -V | tail -1)}"
CLUSTER=rmschaos
export BENCH_DB=postgresql BENCH_PG_PORT="${BENCH_CHAOS_PG_PORT:-5499}" BENCH_PG_DB=rms_chaos
case "$BENCH_PG_PORT" in 5432) echo "refusing to stop the shared PostgreSQL on 5432" >&2; exit 2;; esac
workflow_run chaos-db ""
pgc() { pg_ctlcluster --skip-systemctl-redirect "$PGVER" "$CLUSTER" "$@"; }

LOADER=
cleanup() {
  [ -n "$LOADER" ] && { kill "$LOADER" 2>/dev/null || true; }
  stop_server
  if [ "${BENCH_CHAOS_KEEP:-0}" = 1 ]; then
    pgc stop -m fast 2>/dev/null || true
    log "kept the cluster $PGVER/$CLUSTER (stopped): pg_dropcluster $PGVER $CLUSTER drops it"
  else
    log "dropping the private cluster $PGVER/$CLUSTER"
    pg_dropcluster --stop "$PGVER" "$CLUSTER" 2>/dev/null || true
  fi
}

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || build_server
verify_deployed
machine_info start > "$RAW/machine.md"
if pg_lsclusters -h | awk -v v="$PGVER" -v c="$CLUSTER" '$1 == v && $2 == c' | grep -q .; then
  log "a cluster $PGVER/$CLUSTER exists (a kept run): dropping it first"
  pg_dropcluster --stop "$PGVER" "$CLUSTER"
fi
if port_in_use "$BENCH_PG_PORT"; then echo "port $BENCH_PG_PORT is in use" >&2; exit 1; fi
trap cleanup EXIT
log "creating the private PostgreSQL cluster $PGVER/$CLUSTER on localhost:$BENCH_PG_PORT"
pg_createcluster -q --start-conf=manual -p "$BENCH_PG_PORT" "$PGVER" "$CLUSTER" -- --auth-local=trust --auth-host=trust >&2
pgc start
use_database
reset_state
start_server >/dev/null
bench setup "$BASE" "$RMS_ADMIN_PASSWORD" 1 "$RAW/tenants.txt" 2 20 >&2
read -r SLUG _ < "$RAW/tenants.txt"

log "warm-up: ${WARMUP}s of the same load (not checked)"
bench chaos "$BASE" "$RAW/tenants.txt" "$CONNS" "$WARMUP" "$RAW/warmup-ledger.txt" >&2
since=$(date -u '+%Y-%m-%dT%H:%M:%S.%3NZ')
log "load: $CONNS clients for $(( STOP_AFTER + OUTAGE + AFTER ))s; PostgreSQL stopped after ${STOP_AFTER}s for ${OUTAGE}s"
bench chaos "$BASE" "$RAW/tenants.txt" "$CONNS" $(( STOP_AFTER + OUTAGE + AFTER )) "$RAW/ledger.txt" > "$RAW/load.txt" 2>&1 &
LOADER=$!
sleep "$STOP_AFTER"
# the outage is when the database is certainly away: from the return of the stop command (which returns once
# the server is down) to the start command; requests sent while either command runs are counted apart
stop_ms=$(now_ms)
pgc stop -m immediate
down_ms=$(now_ms)
log "PostgreSQL stopped (immediate)"
sleep "$OUTAGE"
start_ms=$(now_ms)
pgc start
up_ms=$(now_ms)
log "PostgreSQL started again after $(( (up_ms - stop_ms) / 1000 ))s"
wait "$LOADER" || true
LOADER=

log "retrying every request without a final answer with its own key"
bench retry "$BASE" "$RAW/tenants.txt" "$RAW/ledger.txt" "$RAW/acks.txt" > "$RAW/retry.txt" 2>&1 || true
log "$(cat "$RAW/retry.txt")"
log "checking the side effects of every acknowledged order (waiting up to 180 s for them)"
status=0
sidefx check --acks "$RAW/acks.txt" --since "$since" --wait 180 > "$RAW/check.kv" || status=1
sidefx drain --schemas "t_$SLUG" --max 120 > "$RAW/drain.kv" || true
sidefx queues > "$RAW/queues.json" || echo '{}' > "$RAW/queues.json"

# the answers, before / during / after the outage (by when each request was sent), and the verdict
python3 - "$RAW" "$stop_ms" "$down_ms" "$start_ms" "$up_ms" "$MAX_MS" "$status" > "$RAW/verdict.md" <<'PY' || status=1
import collections, json, os, sys
raw = sys.argv[1]
stop, down, start, up, max_ms, status = (int(a) for a in sys.argv[2:8])
sent, answers = {}, {}
for line in open(os.path.join(raw, "ledger.txt")):
    f = line.split()
    if f[0] == "sent":
        sent[f[1]] = int(f[4])
    elif f[0] == "answer":
        answers[f[1]] = {"status": f[2], "ms": int(f[3]), "retry_after": f[4] != "-"}
    elif f[0] == "noanswer":
        answers[f[1]] = {"status": "none (" + f[3] + ")", "ms": int(f[2]), "retry_after": False}
phases = collections.OrderedDict((p, collections.Counter()) for p in ("before", "while stopping", "during",
                                                                     "while starting", "after"))
slowest = collections.OrderedDict((p, 0) for p in phases)
slow, outage_ok, outage_total = 0, 0, 0
for key, at in sent.items():
    phase = ("before" if at < stop else "while stopping" if at < down else "during" if at < start
             else "while starting" if at < up else "after")
    a = answers.get(key, {"status": "none (still open at the end)", "ms": 10**9, "retry_after": False})
    label = a["status"] + (" + Retry-After" if a["retry_after"] else "")
    phases[phase][label] += 1
    slowest[phase] = max(slowest[phase], a["ms"])
    if a["ms"] > max_ms:
        slow += 1
    if phase == "during":
        outage_total += 1
        outage_ok += a["status"] == "503" and a["retry_after"]
check = dict(l.rstrip("\n").split("=", 1) for l in open(os.path.join(raw, "check.kv")) if "=" in l)
queues = json.load(open(os.path.join(raw, "queues.json")))
exceptions = {q: d for q, d in queues.items() if q.endswith(".Exception")}
exc_total = sum(d for d in exceptions.values() if d > 0)
retry = open(os.path.join(raw, "retry.txt")).read().strip()
unresolved = sum(1 for l in open(os.path.join(raw, "acks.txt")) if l.startswith("unresolved"))
results = [
    ("every acknowledged order COMPLETED once with one payment, stock, sales facts and points once; no other order",
     status == 0 and unresolved == 0,
     f"{check.get('acknowledged')} acknowledged ({check.get('with_customer')} with a customer); "
     f"{check.get('orders_with_a_problem')} with a problem; {check.get('orders_not_acknowledged')} orders no client "
     f"was told about; {unresolved} requests still without a final answer after the retries"),
    ("no message in an exception destination", bool(exceptions) and exc_total == 0 and min(exceptions.values()) == 0,
     ", ".join(f"{q}: {d}" for q, d in exceptions.items()) or "could not read the queues"),
    (f"no answer slower than {max_ms} ms", slow == 0,
     f"{slow} slower (slowest before / while stopping / during / while starting / after: " + " / ".join(f"{v} ms" if v < 10**9 else "never" for v in slowest.values()) + ")"),
    ("every request sent during the outage answered 503 with Retry-After", outage_total > 0 and outage_ok == outage_total,
     f"{outage_ok} of {outage_total}"),
]
print("| check | result | |")
print("|---|---|---|")
for name, ok, detail in results:
    print(f"| {name} | {detail} | {'**passed**' if ok else '**FAILED**'} |")
print()
print("Answers by when the request was sent (first answer, before any retry):")
print()
print("| sent | answers |")
print("|---|---|")
for phase, counts in phases.items():
    print(f"| {phase if phase.startswith('while') else phase + ' the outage'} | " + (", ".join(f"{k}: {v}" for k, v in counts.most_common()) or "none") + " |")
print()
print(f"- retries: {retry}")
print(f"- problems: {check.get('problems')}")
print(f"- orders no client was told about: {check.get('not_acknowledged')}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
PY
drain=$(tr '\n' ' ' < "$RAW/drain.kv")
{
  echo "## Database outage under load: PostgreSQL stopped (immediate) for $(( (start_ms - down_ms) / 1000 ))s ($STAMP)"
  echo
  cat "$RAW/machine.md"
  echo "- load average (1/5/15 min) at the end: $(loadavg)"
  echo "- a private PostgreSQL $PGVER cluster ($CLUSTER, localhost:$BENCH_PG_PORT), not the shared one; RMS: this worktree's EAR, production server.xml"
  echo "- $CONNS clients selling quick sales (3 lines, cash; every ${BENCH_CUSTOMER_EVERY}th with a customer), each request with its own Idempotency-Key; ${WARMUP}s warm-up, then ${STOP_AFTER}s, PostgreSQL stopped (immediate) for ${OUTAGE}s (stopping took $(( down_ms - stop_ms )) ms, starting $(( up_ms - start_ms )) ms), ${AFTER}s after the restart; client timeout ${BENCH_REQUEST_TIMEOUT:-30}s"
  echo "- queues after the check: $drain"
  echo
  cat "$RAW/verdict.md"
  echo
  echo "- exit status of the check: $status"
  echo
  echo "Raw ledger and outputs: \`bench/results/raw/chaos-db-$STAMP/\`."
} > "$OUT"
[ "${BENCH_UPDATE_RESULTS:-1}" = 1 ] && update_results_section chaos-db "$OUT"
cat "$OUT"
exit "$status"

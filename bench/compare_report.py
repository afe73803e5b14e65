#!/usr/bin/env python3
"""The Markdown summary of a compare.sh run: RMS / reference per row with issue 10's targets, then the
details (load averages, warm-ups, drains, the keep-up, the reference's own output, the JFR profile).

    compare_report.py RESULTS_KV MACHINE_MD RAW_DIR
"""
import os
import sys


def load(path):
    values = {}
    for line in open(path):
        key, sep, value = line.rstrip("\n").partition("=")
        if sep:
            values[key] = value
    return values


V = load(sys.argv[1])
MACHINE = open(sys.argv[2]).read().rstrip("\n")
RAW = sys.argv[3]


def num(key):
    try:
        return float(V[key])
    except (KeyError, ValueError):
        return None


def fmt(x, digits=0):
    return "–" if x is None else f"{x:,.{digits}f}"


def met(ok):
    return "–" if ok is None else ("**met**" if ok else "**not met**")


rows = []


def ratio_row(measure, conns, rms, rms_detail, ref, ref_detail, target):
    ratio = None if rms is None or not ref else rms / ref
    rows.append((measure, conns, f"{fmt(rms)} {rms_detail}", f"{fmt(ref)} {ref_detail}",
                 "–" if ratio is None else f"{ratio:.2f}×" if ratio >= 0.1 else f"{ratio:.3f}×", f"≥ {target}×",
                 met(None if ratio is None else ratio >= target)))


def limit_row(measure, conns, value, unit, limit, detail=""):
    rows.append((measure, conns, f"{fmt(value)} {unit}{detail}", "–", "–", f"< {fmt(limit)} {unit}",
                 met(None if value is None else value < limit)))


for c in (16, 64):
    ref = num(f"ref_order_{c}_rps")
    ref_detail = f"req/s, p99 {fmt(num(f'ref_order_{c}_p99'), 1)} ms"
    non = V.get(f"quicksale_{c}_non2xx", "–")
    ratio_row("quick sale: `POST /orders`, 3 lines + cash tender (vs `POST /api/order`)", c,
              num(f"quicksale_{c}_ok_rps"),
              f"orders/s, p50 {fmt(num(f'quicksale_{c}_p50'), 1)} ms, p99 {fmt(num(f'quicksale_{c}_p99'), 1)} ms, "
              f"non-2xx {non}", ref, ref_detail, 0.25)
    if c == 16:
        limit_row("quick sale p99 per call", c, num("quicksale_16_p99"), "ms", 100)
for c in (16, 64):
    ratio_row("create + card pay (sandbox), completed orders (vs `POST /api/order`)", c,
              num(f"cardpay_{c}_orders_per_s"),
              f"orders/s, p99 create {V.get(f'cardpay_{c}_create_p99_ms', '–')} ms / pay "
              f"{V.get(f'cardpay_{c}_pay_p99_ms', '–')} ms, failures {V.get(f'cardpay_{c}_failures', '–')}",
              num(f"ref_order_{c}_rps"), "req/s", 0.2)
    if c == 16:
        worst = max([x for x in (num("cardpay_16_create_p99_ms"), num("cardpay_16_pay_p99_ms")) if x is not None],
                    default=None)
        limit_row("create + card pay p99 per call (the slower of the two)", c, worst, "ms", 100)
for c in (16, 64):
    ratio_row("outlet menu `GET` (JWT, X-Tenant-ID) vs `GET /api/json`", c, num(f"menu_{c}_ok_rps"),
              f"req/s, p99 {fmt(num(f'menu_{c}_p99'), 1)} ms", num(f"ref_json_{c}_rps"),
              f"req/s, p99 {fmt(num(f'ref_json_{c}_p99'), 1)} ms", 0.3)
for c in (16, 64):
    ratio_row("`GET /health/ready` vs MP Health `GET /health`", c, num(f"ready_{c}_ok_rps"),
              f"req/s, p99 {fmt(num(f'ready_{c}_p99'), 1)} ms", num(f"ref_health_{c}_rps"),
              f"req/s, p99 {fmt(num(f'ref_health_{c}_p99'), 1)} ms", 0.4)
limit_row("server RSS, max over all RMS rows", "–", num("rss_max_mib"), "MiB", 1024,
          f" (idle after start {V.get('rss_idle_mib', '–')} MiB)")
if num("keepup_seconds"):
    for effect, label in (("stock", "stock deducted"), ("facts", "sales fact"), ("points", "points")):
        missing = V.get(f"keepup_lag_{effect}_missing", "–")
        limit_row(f"keep-up at {V.get('keepup_rate_target', '–')}/s for {V.get('keepup_seconds')} s: payment → {label}, p99",
                  "–", num(f"keepup_lag_{effect}_p99_ms"), "ms", 1000,
                  f" (p50 {V.get(f'keepup_lag_{effect}_p50_ms', '–')}, max {V.get(f'keepup_lag_{effect}_max_ms', '–')}"
                  f"; {missing} of {V.get('keepup_lag_orders' if effect != 'points' else 'keepup_lag_with_customer', '–')}"
                  " orders without it)")
    drained = V.get("drain_keepup_drained")
    exceptions = V.get("exception_destinations", "")
    exc_total = sum(int(x.split(":")[1]) for x in exceptions.split(",") if ":" in x and int(x.split(":")[1]) > 0)
    rows.append((f"keep-up: queues at the end", "–",
                 f"when the load stopped: {V.get('keepup_depth_at_stop', '–')}; empty and outbox published "
                 f"{V.get('drain_keepup_drain_s', '–')} s later ({'drained' if drained == 'yes' else 'NOT drained'}); "
                 f"exception destinations: {exc_total if exceptions else '–'} messages", "–", "–",
                 "empty within 10 s, no exceptions",
                 met(None if drained is None else drained == "yes" and exc_total == 0
                     and num("drain_keepup_drain_s") is not None and num("drain_keepup_drain_s") <= 10)))

print(f"## Comparison with the reference, PostgreSQL ({V.get('stamp')})")
print()
print(MACHINE)
print(f"- load average (1/5/15 min): at the start {V.get('load_at_start', '–')}, at the end {V.get('load_at_end', '–')}")
print(f"- reference: `baseline.sh` ({'started by this run' if V.get('ref_started_here') == 'yes' else 'already running, not started by this run'}); "
      f"pgbench alone, order transaction at {V.get('ref_pgbench_conns', '–')} clients: {V.get('ref_pgbench_tps', '–')} tps")
print(f"- RMS: this worktree's EAR, production `server.xml`/`jvm.options`, PostgreSQL on 127.0.0.1; one tenant "
      f"({V.get('tenant')}) with {V.get('outlets')} outlets (stock, an open cash drawer each) and {V.get('customers')} "
      f"customers; every {V.get('customer_every')}th quick sale names a customer; rate limits lifted; "
      f"ready {V.get('start_ms')} ms after the start command")
print(f"- load: wrk -t2 (RMS card pay: WorkflowBench's JDK client, as many clients as connections), "
      f"{V.get('duration')} s per row, each endpoint warmed up first ({V.get('warmup_rule')}); "
      f"the load generator runs on the same 2 cores as the server")
print()
print("| measure | conns | RMS | reference | ratio | target | |")
print("|---|---|---|---|---|---|---|")
for r in rows:
    print("| " + " | ".join(str(x) for x in r) + " |")
print()
print("Ratios are of 2xx answers per second (an order counts once it answered 201). The targets are issue 10's.")
print()
print("### Load average per row (1/5/15 min, before → after)")
print()
print("| row | conns | before | after |")
print("|---|---|---|---|")
print(f"| reference (all rows of `baseline.sh bench`) | 16, 64 | {V.get('ref_load_before', '–')} | {V.get('ref_load_after', '–')} |")
for name in ("quicksale", "cardpay", "menu", "ready"):
    for c in (16, 64):
        print(f"| {name} | {c} | {V.get(f'{name}_{c}_load_before', '–')} | {V.get(f'{name}_{c}_load_after', '–')} |")
if num("keepup_seconds"):
    print(f"| keep-up | – | {V.get('keepup_load_before', '–')} | {V.get('keepup_load_after', '–')} |")
print()
print("### Warm-ups (rate per 10 s chunk) and drains")
print()
for key in ("ref_warm_json", "ref_warm_health", "ref_warm_order", "warm_quicksale", "warm_cardpay", "warm_menu", "warm_ready"):
    if key in V:
        print(f"- {key.replace('_', ' ')}: {V[key]}")
for name in ("quicksale_warmup", "quicksale", "cardpay_warmup", "cardpay", "keepup_start", "keepup"):
    if f"drain_{name}_drained" in V:
        print(f"- queues empty and outbox published after {name.replace('_', ' ')}: {V[f'drain_{name}_drained']} "
              f"after {V[f'drain_{name}_drain_s']} s (at the end: {V.get(f'drain_{name}_queues')}, "
              f"unpublished {V.get(f'drain_{name}_outbox_unpublished')})")
print(f"- socket errors (wrk): " + ", ".join(f"{n} c={c}: {V.get(f'{n}_{c}_errors', '–')}"
                                             for n in ("quicksale", "menu", "ready") for c in (16, 64)))
print(f"- card pay failures: c=16 {V.get('cardpay_16_failure_kinds', '–')}, c=64 {V.get('cardpay_64_failure_kinds', '–')}")
print(f"- menu body: {V.get('menu_bytes', '–')} bytes (3 items)")
if num("keepup_seconds"):
    print()
    print("### Keep-up")
    print()
    print(f"- fixed-rate quick sales (open loop, latency from when each was due): target {V.get('keepup_rate_target')}/s, "
          f"achieved {V.get('keepup_rate_achieved')}/s (201s from the first send to the last answer); {V.get('keepup_sent')} sent, {V.get('keepup_completed')} answered "
          f"201 ({V.get('keepup_outcomes')}); p50 {V.get('keepup_p50_ms')} ms, p99 {V.get('keepup_p99_ms')} ms, "
          f"max {V.get('keepup_max_ms')} ms; sends late by more than a period: {V.get('keepup_sends_late_by_more_than_a_period')}")
    print(f"- orders completed in the window: {V.get('keepup_lag_orders')} ({V.get('keepup_lag_with_customer')} with a customer); "
          f"sales facts without a processed time: {V.get('keepup_lag_facts_without_processed_time')}")
    print(f"- queue depths sampled every 5 s during the run, max: {V.get('keepup_depth_max')}")
ref = os.path.join(RAW, "reference.txt")
if os.path.exists(ref):
    print()
    print("### The reference's own output (`baseline.sh bench`)")
    print()
    print("```")
    print(open(ref).read().rstrip("\n"))
    print("```")
profile = os.path.join(RAW, "profile.md")
if os.path.exists(profile):
    print()
    print("### Where the server's CPU went during the measured quick-sale rows (JFR)")
    print()
    print(open(profile).read().rstrip("\n"))
print()
print(f"Raw outputs: `bench/results/raw/compare-{V.get('stamp')}/`.")

#!/usr/bin/env python3
"""The side effects of sales as the server recorded them (stdlib only; SQL through `psql`).

    sidefx.py --base URL --port 5432 --db rms_bench queues
        queue depths (main queues and their exception destinations) as JSON
    sidefx.py ... drain --schemas t_a,t_b [--max 300]
        waits until every main queue is empty and every outbox row is published; prints key=value lines
    sidefx.py ... lag --schema t_a --from ISO --to ISO
        payment -> stock deducted / sales fact / points of the orders completed in the window: key=value lines
    sidefx.py ... check --acks FILE --since ISO [--wait 180]
        every acknowledged order ("ack SLUG ORDER KEY CUSTOMER|- ..." lines) COMPLETED once with one
        successful payment, its stock deducted once, one sale's sales facts, its points once if it has a
        customer; no other order created since ISO; key=value lines, exit status 1 on a problem

Queue depths come from GET /api/v1/system/status (platform admin, RMS_ADMIN_PASSWORD), or from the
command in BENCH_QUEUES_CMD, which prints "QUEUE DEPTH" lines (e.g. an operator API of the exception
destinations): the check is pluggable. A depth of -1 means the server could not read that queue.

Times are the server's own: pos_order.completed_at (the payment that completed the order), the SALE
stock movement's `at`, processed_event.processed_at of the analytics consumer (a sales fact has no
time of its own), the EARN loyalty transaction's `at`; each is written when the step is applied.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import time
import urllib.request

MAIN_QUEUES = ("RMS.Inventory", "RMS.Analytics", "RMS.Loyalty")


def psql(args, sql):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(args.port), "-U", "postgres", "-d", args.db, "-At",
                          "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def http(args, method, path, body=None, token=None):
    req = urllib.request.Request(args.base + path, method=method,
                                 data=json.dumps(body).encode() if body is not None else None)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())


def queue_depths(args):
    command = os.environ.get("BENCH_QUEUES_CMD")
    if command:
        out = subprocess.run(command, shell=True, check=True, capture_output=True, text=True).stdout
        return {name: int(depth) for name, depth in (line.split() for line in out.splitlines() if line.strip())}
    token = http(args, "POST", "/api/v1/auth/token",
                 {"username": "admin", "password": os.environ["RMS_ADMIN_PASSWORD"]})["access_token"]
    return http(args, "GET", "/api/v1/system/status", token=token).get("queueDepths", {})


def unpublished(args, schemas):
    return sum(int(psql(args, f"select count(*) from {s}.outbox where published_at is null")[0][0]) for s in schemas)


def percentile(values, p):
    s = sorted(values)
    return s[max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))]


def cmd_queues(args):
    print(json.dumps(queue_depths(args)))


def cmd_drain(args):
    schemas = [s for s in args.schemas.split(",") if s]
    t0 = time.time()
    while True:
        try:
            depths = queue_depths(args)
        except Exception as e:  # the server may be busy or restarting: that is not drained
            depths = {"error": str(e)[:80]}
        left = unpublished(args, schemas)
        main = {q: depths.get(q, -1) for q in MAIN_QUEUES}
        if all(d == 0 for d in main.values()) and left == 0:
            drained = "yes"
            break
        if time.time() - t0 > args.max:
            drained = "no"
            break
        time.sleep(1)
    print(f"drained={drained}")
    print(f"drain_s={time.time() - t0:.0f}")
    print("queues=" + (",".join(f"{q}:{d}" for q, d in depths.items() if d != 0) or "all empty"))
    print(f"outbox_unpublished={left}")


def cmd_lag(args):
    s = args.schema
    rows = psql(args, f"""
        select o.id, o.customer_id is not null,
          extract(epoch from (select min(m.at) from {s}.stock_movement m
                              where m.reference = c.stock_reference and m.reason = 'SALE') - o.completed_at) * 1000,
          extract(epoch from (select p.processed_at from {s}.processed_event p
                              where p.consumer = 'analytics' and p.event_id = c.event_id) - o.completed_at) * 1000,
          (select count(*) from {s}.sales_fact f where f.order_id = o.id),
          extract(epoch from (select min(l.at) from {s}.loyalty_transaction l
                              where l.order_id = o.id and l.kind = 'EARN') - o.completed_at) * 1000
        from {s}.pos_order o join {s}.order_completion c on c.order_id = o.id and c.seq = 1
        where o.status = 'COMPLETED' and o.completed_at >= '{args.from_}' and o.completed_at <= '{args.to}'""")
    print(f"orders={len(rows)}")
    print(f"with_customer={sum(1 for r in rows if r[1] == 't')}")
    effects = {"stock": [r[2] for r in rows], "facts": [r[3] for r in rows],
               "points": [r[5] for r in rows if r[1] == 't']}
    facts_untimed = sum(1 for r in rows if r[3] == "" and int(r[4]) > 0)
    for name, values in effects.items():
        lags = [float(v) for v in values if v != ""]
        print(f"{name}_missing={len(values) - len(lags)}")
        for label, p in (("p50", 50), ("p99", 99), ("max", 100)):
            print(f"{name}_{label}_ms={percentile(lags, p):.0f}" if lags else f"{name}_{label}_ms=-")
    print(f"facts_without_processed_time={facts_untimed}")


def cmd_check(args):
    acks = {}
    for line in open(args.acks):
        f = line.split()
        if f and f[0] == "ack":
            acks[int(f[2])] = (f[1], None if f[4] == "-" else int(f[4]))
    schemas = sorted({"t_" + slug for slug, _ in acks.values()})
    deadline = time.time() + args.wait
    while True:
        problems, orphans, rows_seen = [], [], 0
        for s in schemas:
            rows = psql(args, f"""
                select o.id, o.status, coalesce(o.customer_id, 0),
                  (select count(*) from {s}.payment p where p.order_id = o.id and p.status = 'SUCCEEDED'),
                  (select count(*) from {s}.stock_order_posting x where x.reference = 'order-' || o.id and x.kind = 'SALE'),
                  (select count(*) from {s}.stock_movement m where m.reference = 'order-' || o.id and m.reason = 'SALE'),
                  (select count(distinct m.stock_item_id) from {s}.stock_movement m
                     where m.reference = 'order-' || o.id and m.reason = 'SALE'),
                  (select count(distinct f.event_id) from {s}.sales_fact f where f.order_id = o.id and f.kind = 'SALE'),
                  (select count(*) from {s}.sales_fact f where f.order_id = o.id and f.kind = 'SALE'),
                  (select count(*) from {s}.order_line l where l.order_id = o.id and l.status = 'ACTIVE'),
                  (select count(*) from {s}.loyalty_transaction l where l.order_id = o.id and l.kind = 'EARN')
                from {s}.pos_order o where o.created_at >= '{args.since}'""")
            for r in rows:
                oid, status = int(r[0]), r[1]
                customer, paid, posting, moves, items, fact_events, facts, lines, earns = map(int, r[2:])
                if oid not in acks:
                    orphans.append(f"{oid}:{status}")
                    continue
                rows_seen += 1
                what = []
                if status != "COMPLETED":
                    what.append(f"status {status}")
                if paid != 1:
                    what.append(f"{paid} successful payments")
                if posting != 1 or moves == 0 or moves != items:
                    what.append(f"stock posted {posting}x with {moves} movements of {items} items")
                if fact_events != 1 or facts != lines:
                    what.append(f"{facts} sales facts of {fact_events} events for {lines} lines")
                if earns != (1 if customer else 0):
                    what.append(f"{earns} point earnings (customer {customer or 'none'})")
                if what:
                    problems.append(f"order {oid}: " + ", ".join(what))
        missing = len(acks) - rows_seen
        if missing:
            problems.append(f"{missing} acknowledged orders not found")
        if not problems or time.time() > deadline:
            break
        time.sleep(3)
    print(f"acknowledged={len(acks)}")
    print(f"with_customer={sum(1 for _, c in acks.values() if c)}")
    print(f"orders_with_a_problem={len(problems)}")
    print(f"orders_not_acknowledged={len(orphans)}")
    print("problems=" + ("none" if not problems else "; ".join(problems[:20])
                         + (f"; ... {len(problems) - 20} more" if len(problems) > 20 else "")))
    print("not_acknowledged=" + (",".join(orphans[:30]) or "none"))
    sys.exit(1 if problems or orphans else 0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--port", type=int, default=5432)
    ap.add_argument("--db", default="rms_bench")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("queues")
    d = sub.add_parser("drain")
    d.add_argument("--schemas", required=True)
    d.add_argument("--max", type=int, default=300)
    lag = sub.add_parser("lag")
    lag.add_argument("--schema", required=True)
    lag.add_argument("--from", dest="from_", required=True)
    lag.add_argument("--to", required=True)
    c = sub.add_parser("check")
    c.add_argument("--acks", required=True)
    c.add_argument("--since", required=True)
    c.add_argument("--wait", type=int, default=180)
    args = ap.parse_args()
    {"queues": cmd_queues, "drain": cmd_drain, "lag": cmd_lag, "check": cmd_check}[args.cmd](args)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The report benchmark's client (stdlib only): a tenant with outlets through the API, a business day of
generated sales straight into its PostgreSQL schema, daily-sales runs timed through the API, and the
checks of a run killed halfway and restarted.

  reports.py setup    --base URL --outlets 50 --state state.json
  reports.py generate --db rms_bench --state state.json --orders-per-outlet 4000 --lines 5 --day 2026-12-01
  reports.py run      --base URL --state state.json --day 2026-12-01 [--out run.json]
  reports.py start    --base URL --state state.json --day 2026-12-01      (prints the run id)
  reports.py await-partitions --base URL --state state.json --run ID --at-least 25
  reports.py finish   --base URL --state state.json --run ID [--restart] [--out run.json]
  reports.py compare  --base URL --state state.json --run A --run B --db rms_bench

The platform admin's password comes from RMS_ADMIN_PASSWORD.
"""
import argparse
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request


def call(base, method, path, body=None, token=None, tenant=None, accept="application/json", timeout=120):
    req = urllib.request.Request(base + path, method=method,
                                 data=json.dumps(body).encode() if body is not None else None)
    req.add_header("Content-Type", "application/json")
    req.add_header("Accept", accept)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    if tenant:
        req.add_header("X-Tenant-ID", tenant)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
            return resp.status, (json.loads(raw or b"null") if accept == "application/json" else raw.decode())
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")


def login(base, tenant, username, password):
    body = {"username": username, "password": password}
    if tenant:
        body["tenant"] = tenant
    status, answer = call(base, "POST", "/api/v1/auth/token", body)
    if status != 200:
        sys.exit(f"login {username}@{tenant} failed: {status} {answer}")
    return answer["access_token"]


def state_of(path):
    with open(path) as f:
        return json.load(f)


def owner(args):
    s = state_of(args.state)
    return s, login(args.base, s["slug"], "owner", s["password"])


def setup(args):
    admin = login(args.base, None, "admin", os.environ["RMS_ADMIN_PASSWORD"])
    slug = "rep%05d" % (int(time.time()) % 100000)
    password = "owner-" + slug + "-pw"
    status, answer = call(args.base, "POST", "/api/v1/tenants", {
        "slug": slug, "name": "Report bench " + slug, "currency": "EUR", "timezone": "Europe/Berlin",
        "owner": {"username": "owner", "password": password, "displayName": "Owner"}}, token=admin)
    if status != 201:
        sys.exit(f"provisioning {slug} failed: {status} {answer}")
    token = login(args.base, slug, "owner", password)
    outlets = []
    for i in range(args.outlets):
        status, answer = call(args.base, "POST", "/api/v1/outlets", {
            "name": "Outlet %02d" % i, "address": "Street %d" % i, "timezone": "Europe/Berlin", "currency": "EUR"},
            token=token, tenant=slug)
        if status != 201:
            sys.exit(f"creating outlet {i} failed: {status} {answer}")
        outlets.append(answer["id"])
    with open(args.state, "w") as f:
        json.dump({"slug": slug, "password": password, "outlets": outlets}, f)
    print(f"tenant {slug} with {len(outlets)} outlets")


def psql(db, sql):
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql],
                   check=True)


def generate(args):
    """One business day of sales at every outlet: orders of N lines over 10 items in 3 categories and 2 tax
    rates, from 10:00 to 21:59 Berlin time, each paid by cash or card; one in 50 refunded in part. The sales
    facts are written as the analytics consumer writes them (one per line, booked to the outlet's day and
    hour); ids far above the global sequence's."""
    s = state_of(args.state)
    schema = "t_" + s["slug"]
    outlets = ",".join(str(o) for o in s["outlets"])
    n, lines, day = args.orders_per_outlet, args.lines, args.day
    base = args.id_base
    t0 = time.time()
    psql(args.db, f"""
set search_path = {schema};
create temporary table bench_orders as
select {base} + row_number() over () as id, o.outlet, g.n,
       (timestamp '{day} 10:00' + (g.n % 720) * interval '1 minute') at time zone 'Europe/Berlin' as at
from unnest(array[{outlets}]::bigint[]) as o(outlet), generate_series(1, {n}) as g(n);
insert into pos_order (id, outlet_id, channel, status, currency, subtotal, discount_total, tax_total, total,
    tips, paid, refunded, created_by, completed_at, created_at, updated_at)
select id, outlet, case when n % 3 = 0 then 'DINE_IN' else 'TAKEAWAY' end, 'COMPLETED', 'EUR',
    0, 0, 0, 0, 0, 0, 0, 'bench', at, at, at from bench_orders;
insert into order_line (id, order_id, line_no, menu_item_id, sku, name, category_id, category_name, station,
    course, quantity, unit_price, modifiers, tax_rate_id, tax_rate, tax_inclusive, amount, discount, net, tax,
    total, status, created_at, updated_at)
select {base} * 2 + (o.id - {base}) * {lines} + l, o.id, l, 100 + (o.n + l) % 10, 'SKU' || ((o.n + l) % 10),
    'Item ' || ((o.n + l) % 10), 200 + (o.n + l) % 3, 'Category ' || ((o.n + l) % 3), 'GRILL', 1,
    1 + (o.n + l) % 2, 5.00, '[]', 300 + l % 2, case when l % 2 = 0 then 19 else 7 end, true,
    5.00 * (1 + (o.n + l) % 2), 0,
    round(5.00 * (1 + (o.n + l) % 2) / case when l % 2 = 0 then 1.19 else 1.07 end, 2),
    5.00 * (1 + (o.n + l) % 2) - round(5.00 * (1 + (o.n + l) % 2) / case when l % 2 = 0 then 1.19 else 1.07 end, 2),
    5.00 * (1 + (o.n + l) % 2), 'ACTIVE', o.at, o.at
from bench_orders o, generate_series(1, {lines}) as l;
update pos_order p set subtotal = t.total, tax_total = t.tax, total = t.total, paid = t.total
from (select order_id, sum(total) as total, sum(tax) as tax from order_line where order_id >= {base}
      and order_id < {base} * 2 group by order_id) t where p.id = t.order_id;
insert into sales_fact (id, event_id, kind, order_id, order_number, line_id, outlet_id, staff, channel,
    menu_item_id, sku, item_name, category_id, category_name, currency, occurred_at, business_day,
    business_hour, quantity, net, tax, gross)
select l.id, 'bench-' || o.id, 'SALE', o.id, o.id::text, l.id, o.outlet, 'staff' || (o.n % 7),
    case when o.n % 3 = 0 then 'DINE_IN' else 'TAKEAWAY' end, l.menu_item_id, l.sku, l.name, l.category_id,
    l.category_name, 'EUR', o.at, date '{day}', extract(hour from o.at at time zone 'Europe/Berlin')::int,
    l.quantity, l.net, l.tax, l.total
from bench_orders o join order_line l on l.order_id = o.id;
insert into payment (id, order_id, outlet_id, method, status, currency, amount, tip, refunded, provider_key,
    created_by, created_at, updated_at)
select {base} * 3 + (o.id - {base}), o.id, o.outlet, case when o.n % 2 = 0 then 'CASH' else 'CARD' end,
    'SUCCEEDED', 'EUR', p.total, 0, 0, 'bench-' || o.id, 'bench', o.at, o.at
from bench_orders o join pos_order p on p.id = o.id;
insert into refund (id, order_id, payment_id, outlet_id, method, amount, reason, approved_by, created_by,
    created_at, updated_at)
select {base} * 4 + (o.id - {base}), o.id, {base} * 3 + (o.id - {base}), o.outlet,
    case when o.n % 2 = 0 then 'CASH' else 'CARD' end, 2.00, 'bench', 'manager', 'bench',
    o.at + interval '5 minutes', o.at + interval '5 minutes'
from bench_orders o where o.n % 50 = 0;
insert into sales_fact (id, event_id, kind, order_id, order_number, line_id, outlet_id, staff, channel,
    menu_item_id, sku, item_name, category_id, category_name, currency, occurred_at, business_day,
    business_hour, quantity, net, tax, gross)
select {base} * 5 + (o.id - {base}), 'bench-refund-' || o.id, 'REFUND', o.id, o.id::text, l.id, o.outlet,
    'staff' || (o.n % 7), 'TAKEAWAY', l.menu_item_id, l.sku, l.name, l.category_id, l.category_name, 'EUR',
    o.at + interval '5 minutes', date '{day}',
    extract(hour from (o.at + interval '5 minutes') at time zone 'Europe/Berlin')::int, 0, -1.68, -0.32, -2.00
from bench_orders o join order_line l on l.order_id = o.id and l.line_no = 1 where o.n % 50 = 0;
analyze pos_order; analyze order_line; analyze sales_fact; analyze payment; analyze refund;
""")
    count = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", args.db, "-tA", "-c",
                            f"select count(*) from {schema}.order_line where order_id >= {base}"],
                           check=True, capture_output=True, text=True).stdout.strip()
    print(f"generated {count} order lines ({n} orders x {lines} lines at {len(s['outlets'])} outlets) "
          f"in {time.time() - t0:.1f} s")


def aggregate(args):
    """The dashboard's aggregates of the generated day, as the analytics consumer keeps them with each fact
    (and as migration V9 backfills them): per outlet and hour the orders (one per sale event), net, tax,
    gross and the gross refunded; per outlet and item the quantity and net. Discounts are 0: the generated
    orders have none."""
    s = state_of(args.state)
    schema = "t_" + s["slug"]
    t0 = time.time()
    psql(args.db, f"""
set search_path = {schema};
insert into sales_hour (outlet_id, business_day, business_hour, orders, net, tax, gross, discounts, refunds)
select outlet_id, business_day, business_hour,
       count(distinct case when kind = 'SALE' then event_id end)
           - count(distinct case when kind = 'VOID' then event_id end),
       sum(net), sum(tax), sum(gross), 0, -sum(case when kind = 'REFUND' then gross else 0 end)
from sales_fact where business_day = date '{args.day}'
group by outlet_id, business_day, business_hour;
insert into sales_item_day (outlet_id, business_day, menu_item_id, item_name, quantity, net)
select outlet_id, business_day, menu_item_id, max(item_name), sum(quantity), sum(net)
from sales_fact where business_day = date '{args.day}' and menu_item_id is not null
group by outlet_id, business_day, menu_item_id;
analyze sales_hour; analyze sales_item_day;
""")
    print(f"aggregated {args.day} in {time.time() - t0:.1f} s")


def start(args):
    s, token = owner(args)
    status, answer = call(args.base, "POST", "/api/v1/reports/runs", {
        "job": "daily-sales", "parameters": {"businessDate": args.day}}, token=token, tenant=s["slug"])
    if status != 202:
        sys.exit(f"starting the run failed: {status} {answer}")
    return s, token, answer["id"]


def get(args, s, token, run):
    status, answer = call(args.base, "GET", f"/api/v1/reports/runs/{run}", token=token, tenant=s["slug"])
    if status != 200:
        raise RuntimeError(f"reading run {run}: {status} {answer}")
    return answer


def wait_end(args, s, token, run, limit=900):
    t0 = time.time()
    while time.time() - t0 < limit:
        answer = get(args, s, token, run)
        if answer["status"] in ("COMPLETED", "FAILED", "STOPPED", "ABANDONED"):
            return answer
        time.sleep(0.2)
    sys.exit(f"run {run} did not end within {limit} s")


def run(args):
    t0 = time.time()
    s, token, run_id = start(args)
    answer = wait_end(args, s, token, run_id)
    wall = time.time() - t0
    answer["wallSeconds"] = round(wall, 2)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(answer, f)
    print(json.dumps({"id": run_id, "status": answer["status"], "wallSeconds": round(wall, 2),
                      "itemsRead": answer["progress"]["itemsRead"], "partitions": answer["progress"]["partitions"]}))
    if answer["status"] != "COMPLETED":
        sys.exit(1)


def start_only(args):
    _, _, run_id = start(args)
    print(run_id)


def await_partitions(args):
    s, token = owner(args)
    t0 = time.time()
    while time.time() - t0 < 600:
        answer = get(args, s, token, args.run[0])
        done = answer["progress"]["completedPartitions"]
        if done >= args.at_least:
            print(done)
            return
        if answer["status"] not in ("STARTING", "STARTED"):
            sys.exit(f"run {args.run[0]} ended {answer['status']} before {args.at_least} partitions completed")
        time.sleep(0.05)
    sys.exit("timed out waiting for partitions")


def finish(args):
    s, token = owner(args)
    run_id = args.run[0]
    before = None
    t0 = time.time()
    while time.time() - t0 < 120:
        before = get(args, s, token, run_id)
        if before["status"] in ("FAILED", "STOPPED", "COMPLETED"):
            break
        time.sleep(0.5)
    if args.restart:
        if before["status"] not in ("FAILED", "STOPPED"):
            sys.exit(f"after the restart of the server run {run_id} is {before['status']}, not FAILED")
        status, answer = call(args.base, "POST", f"/api/v1/reports/runs/{run_id}/restart", token=token,
                              tenant=s["slug"])
        if status != 202:
            sys.exit(f"restarting run {run_id} failed: {status} {answer}")
    t1 = time.time()
    answer = wait_end(args, s, token, run_id)
    answer["beforeRestart"] = before
    answer["restartSeconds"] = round(time.time() - t1, 2)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(answer, f)
    print(json.dumps({"id": run_id, "statusAfterServerRestart": before["status"], "status": answer["status"],
                      "completedBeforeRestart": before["progress"]["completedPartitions"],
                      "restartSeconds": answer["restartSeconds"]}))
    if answer["status"] != "COMPLETED":
        sys.exit(1)


def compare(args):
    """The two runs' CSVs hold the same rows (the killed-and-restarted one against an uninterrupted one), and
    the partitions of the killed run that had completed before the kill were not run again."""
    s, token = owner(args)
    a, b = args.run
    rows = []
    for run_id in (a, b):
        status, csv = call(args.base, "GET", f"/api/v1/reports/runs/{run_id}/output", token=token, tenant=s["slug"],
                           accept="text/csv")
        if status != 200:
            sys.exit(f"output of run {run_id}: {status} {csv}")
        rows.append(sorted(csv.strip().split("\r\n")[1:]))
    same = rows[0] == rows[1]
    schema = "t_" + s["slug"]
    executions = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", args.db, "-tA", "-c",
                                 f"select execution_id, count(*) from {schema}.report_partition where run_id = {b} "
                                 "group by execution_id order by execution_id"],
                                check=True, capture_output=True, text=True).stdout.split()
    print(json.dumps({"sameRows": same, "rows": len(rows[0]), "partitionsByExecution": executions}))
    if not same:
        diff = [r for r in rows[1] if r not in set(rows[0])][:5]
        print("rows that differ (restarted run):", diff, file=sys.stderr)
        sys.exit(1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("command")
    p.add_argument("--base")
    p.add_argument("--state")
    p.add_argument("--db")
    p.add_argument("--outlets", type=int, default=50)
    p.add_argument("--orders-per-outlet", type=int, default=4000)
    p.add_argument("--lines", type=int, default=5)
    p.add_argument("--day", default="2026-12-01")
    p.add_argument("--id-base", type=int, default=10 ** 12)
    p.add_argument("--run", action="append", type=int)
    p.add_argument("--at-least", type=int, default=25)
    p.add_argument("--restart", action="store_true")
    p.add_argument("--out")
    args = p.parse_args()
    {"setup": setup, "generate": generate, "run": run, "start": start_only, "await-partitions": await_partitions,
     "finish": finish, "compare": compare, "aggregate": aggregate}[args.command](args)


if __name__ == "__main__":
    main()

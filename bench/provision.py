#!/usr/bin/env python3
"""Provision tenants through the RMS API and time each POST /api/v1/tenants (stdlib only).

  provision.py --base http://127.0.0.1:29080 --prefix bench --from 0 --count 20 [--concurrency 1]
               [--json timings.json] [--outlet]

Tenants are named <prefix><4-digit index>, owner 'owner' / 'owner-<slug>-pw'. The platform admin's
password comes from the environment (RMS_ADMIN_PASSWORD). --outlet also creates one outlet in each
tenant (as its owner) so a tenant-scoped read returns a row. Prints min/median/p95/max in ms.
"""
import argparse
import concurrent.futures
import json
import math
import os
import statistics
import sys
import time
import urllib.error
import urllib.request


def call(base, method, path, body=None, token=None, tenant=None, timeout=120):
    req = urllib.request.Request(base + path, method=method,
                                 data=json.dumps(body).encode() if body is not None else None)
    req.add_header("Content-Type", "application/json")
    req.add_header("Accept", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    if tenant:
        req.add_header("X-Tenant-ID", tenant)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")


def token(base, tenant, username, password):
    body = {"username": username, "password": password}
    if tenant:
        body["tenant"] = tenant
    status, answer = call(base, "POST", "/api/v1/auth/token", body)
    if status != 200:
        raise SystemExit(f"sign-in {tenant}/{username} failed: {status} {answer}")
    return answer["access_token"]


def percentile(values, p):
    s = sorted(values)
    k = max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))  # nearest rank
    return s[k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="http://127.0.0.1:29080")
    ap.add_argument("--prefix", default="bench")
    ap.add_argument("--from", dest="start", type=int, default=0)
    ap.add_argument("--count", type=int, default=20)
    ap.add_argument("--concurrency", type=int, default=1)
    ap.add_argument("--json")
    ap.add_argument("--outlet", action="store_true")
    args = ap.parse_args()
    admin = token(args.base, None, "admin", os.environ["RMS_ADMIN_PASSWORD"])

    def provision(i):
        slug = f"{args.prefix}{i:04d}"
        body = {"slug": slug, "name": f"Bench chain {i}", "currency": "EUR", "timezone": "Europe/Berlin",
                "owner": {"username": "owner", "password": f"owner-{slug}-pw", "displayName": "Bench owner"}}
        t0 = time.perf_counter()
        status, answer = call(args.base, "POST", "/api/v1/tenants", body, token=admin)
        ms = (time.perf_counter() - t0) * 1000
        if status != 201:
            raise RuntimeError(f"provisioning {slug}: {status} {answer}")
        if args.outlet:
            owner = token(args.base, slug, "owner", f"owner-{slug}-pw")
            status, answer = call(args.base, "POST", "/api/v1/outlets",
                                  {"name": "Bench outlet", "address": "Loopback 1", "timezone": "Europe/Berlin",
                                   "currency": "EUR"}, token=owner, tenant=slug)
            if status != 201:
                raise RuntimeError(f"outlet in {slug}: {status} {answer}")
        return slug, ms

    timings = []
    t_all = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        for n, (slug, ms) in enumerate(pool.map(provision, range(args.start, args.start + args.count)), 1):
            timings.append({"slug": slug, "ms": round(ms, 1)})
            if n % 50 == 0:
                print(f"  {n}/{args.count} provisioned, last {ms:.0f} ms", file=sys.stderr, flush=True)
    wall = time.perf_counter() - t_all
    ms = [t["ms"] for t in timings]
    summary = {"count": len(ms), "concurrency": args.concurrency, "wall_s": round(wall, 1),
               "min_ms": min(ms), "median_ms": round(statistics.median(ms), 1),
               "p95_ms": percentile(ms, 95), "max_ms": max(ms)}
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"summary": summary, "timings": timings}, f, indent=1)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()

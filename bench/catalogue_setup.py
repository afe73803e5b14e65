#!/usr/bin/env python3
"""Sets up the catalogue benchmark through the public API (stdlib only): a tenant with one outlet,
100 menu items in 10 categories (each with a modifier group of 2 modifiers), 10 stock items with
stock at the outlet, and recipes (item + modifier) for the 10 items a 10-line order uses.
Prints shell assignments: TENANT, OUTLET, OWNER_TOKEN, BODY_FILE."""
import json
import os
import sys
import time
import urllib.request

BASE = sys.argv[1]
ADMIN_PASSWORD = os.environ["RMS_ADMIN_PASSWORD"]
BODY_FILE = sys.argv[2]


def call(method, path, body=None, token=None, tenant=None, expect=(200, 201, 204)):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    if tenant:
        req.add_header("X-Tenant-ID", tenant)
    with urllib.request.urlopen(req, timeout=30) as resp:
        if resp.status not in expect:
            raise SystemExit(f"{method} {path} -> {resp.status}")
        text = resp.read().decode()
        return json.loads(text) if text else None


admin = call("POST", "/api/v1/auth/token", {"username": "admin", "password": ADMIN_PASSWORD})["access_token"]
tenant = "cat_%d" % (time.time() * 1000 % 10**9)
call("POST", "/api/v1/tenants", {"slug": tenant, "name": "Catalogue bench", "currency": "EUR", "timezone": "Europe/Berlin",
                                 "owner": {"username": "boss", "password": "boss-password"}}, admin)
token = call("POST", "/api/v1/auth/token", {"tenant": tenant, "username": "boss", "password": "boss-password"})["access_token"]
t = dict(token=token, tenant=tenant)
outlet = call("POST", "/api/v1/outlets", {"name": "Bench", "timezone": "Europe/Berlin", "currency": "EUR"}, **t)["id"]
vat = call("POST", "/api/v1/tax-rates", {"name": "VAT", "rate": 19.0, "inclusive": True}, **t)["id"]
items = []
for c in range(10):
    cat = call("POST", "/api/v1/menu/categories", {"name": f"Category {c}", "sortOrder": c}, **t)["id"]
    for i in range(10):
        item = call("POST", "/api/v1/menu/items", {
            "sku": f"I{c}{i}", "name": f"Item {c}-{i}", "description": "A dish of the benchmark menu",
            "categoryId": cat, "price": 5 + i + c / 10, "taxRateId": vat, "station": "KITCHEN",
            "modifierGroups": [{"name": "Extras", "min": 0, "max": 2, "modifiers": [
                {"name": "Extra A", "priceDelta": 0.5}, {"name": "Extra B", "priceDelta": 1.0}]}]}, **t)
        items.append(item)
stock = []
for s in range(10):
    sid = call("POST", "/api/v1/inventory/items", {"sku": f"S{s}", "name": f"Stock {s}", "unit": "kg",
                                                  "reorderLevel": 1, "unitCost": 2.5}, **t)["id"]
    call("POST", f"/api/v1/outlets/{outlet}/stock/adjustments", {"stockItemId": sid, "counted": 100000, "reason": "COUNT"}, **t)
    stock.append(sid)
lines = []
for n, item in enumerate(items[:10]):
    call("PUT", f"/api/v1/menu/items/{item['id']}/recipe",
         [{"stockItemId": stock[n], "quantity": 150, "unit": "g"}, {"stockItemId": stock[(n + 1) % 10], "quantity": 0.05}], **t)
    modifier = item["modifierGroups"][0]["modifiers"][0]["id"]
    call("PUT", f"/api/v1/menu/modifiers/{modifier}/recipe", [{"stockItemId": stock[(n + 2) % 10], "quantity": 20, "unit": "g"}], **t)
    lines.append({"menuItemId": item["id"], "modifierIds": [modifier], "quantity": 2})
with open(BODY_FILE, "w") as f:
    json.dump({"lines": lines}, f)
print(f"TENANT={tenant}\nOUTLET={outlet}\nOWNER_TOKEN={token}\nBODY_FILE={BODY_FILE}")

#!/usr/bin/env python3
"""The README's screenshots, taken from a running RMS with the demo chain (`mvn -pl rms-ear liberty:run`).

Sells a few dozen orders at Bistro Mitte through the API (so the dashboard has a day to show), runs
daily-sales for today as the demo batch operator, then signs in to /admin in headless Chromium (Debian's
chromium-driver, driven over the W3C WebDriver protocol, no Python packages needed) and saves
docs/dashboard.png and docs/operator-console.png at 1366x900.

    python3 docs/screenshots.py [BASE_URL]        # default http://localhost:9080
"""
import base64
import datetime
import json
import random
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
import zoneinfo
from pathlib import Path

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:9080"
OUT = Path(__file__).resolve().parent
DRIVER = "http://127.0.0.1:9517"


def call(method, url, body=None, token=None, tenant="demo", headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    request.add_header("Accept", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
        request.add_header("X-Tenant-ID", tenant)
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            text = r.read().decode()
            return r.status, json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        return e.code, json.loads(text) if text.startswith("{") else text


def api(method, path, body=None, token=None, expect=(200, 201, 202)):
    status, answer = call(method, BASE + "/api/v1" + path, body, token,
                          headers={"Idempotency-Key": str(uuid.uuid4())} if method == "POST" else None)
    if status not in expect:
        sys.exit(f"{method} {path}: {status} {answer}")
    return answer


def login(username, password):
    return api("POST", "/auth/token", {"tenant": "demo", "username": username, "password": password})["access_token"]


def sell(cashier, outlet, count):
    """COUNT paid takeaway orders of 1-3 menu items (required choices taken as their first option)."""
    menu = api("GET", f"/outlets/{outlet}/menu", token=cashier)
    items = [i for c in menu["categories"] for i in c["items"] if i.get("available", True)]
    status, _ = call("POST", f"{BASE}/api/v1/outlets/{outlet}/cash-sessions", {"openingFloat": 100}, cashier)
    if status not in (201, 409):
        sys.exit(f"opening the drawer: {status}")
    rnd = random.Random(7)
    for _ in range(count):
        lines = []
        for item in rnd.sample(items, rnd.randint(1, min(3, len(items)))):
            modifiers = [g["options"][0]["id"] for g in item.get("modifierGroups", []) if g.get("minSelect", 0) > 0]
            lines.append({"menuItemId": item["id"], "quantity": rnd.randint(1, 3), "modifierIds": modifiers})
        status, order = call("POST", f"{BASE}/api/v1/orders", {"outletId": outlet, "channel": "TAKEAWAY",
                                                               "lines": lines}, cashier,
                             headers={"Idempotency-Key": str(uuid.uuid4())})
        if status == 422:  # the demo's stock ran out (run the script again on a fresh server for more)
            print("not sold:", order["errors"][0]["message"])
            continue
        if status != 201:
            sys.exit(f"POST /orders: {status} {order}")
        payment = {"method": "CASH", "amount": order["total"], "tendered": order["total"]}
        if rnd.random() < 0.5:  # the embedded default's sandbox card provider takes its test token
            payment = {"method": "CARD", "amount": order["total"], "cardToken": "tok_visa"}
        api("POST", f"/orders/{order['id']}/payments", payment, cashier)


def webdriver(method, path, body=None):
    request = urllib.request.Request(DRIVER + path, data=json.dumps(body or {}).encode() if method == "POST" else None,
                                     method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as r:
        return json.loads(r.read().decode())["value"]


def shoot(session, path, name, wait_for_css):
    webdriver("POST", f"/session/{session}/url", {"url": BASE + path})
    deadline = time.time() + 30
    while time.time() < deadline:
        found = webdriver("POST", f"/session/{session}/elements", {"using": "css selector", "value": wait_for_css})
        if found:
            break
        time.sleep(0.5)
    else:
        sys.exit(f"{path}: no {wait_for_css} after 30 s")
    webdriver("POST", f"/session/{session}/execute/sync", {
        "script": "document.querySelector(arguments[0]).scrollIntoView({block: 'end'}); window.scrollBy(0, 60);",
        "args": [wait_for_css]})
    time.sleep(2)  # the chart's animation
    png = base64.b64decode(webdriver("GET", f"/session/{session}/screenshot"))
    (OUT / name).write_bytes(png)
    print(f"wrote {OUT / name} ({len(png)} bytes)")


def main():
    owner = login("owner", "owner-demo")
    outlets = api("GET", "/outlets", token=owner)["items"]
    mitte = next(o["id"] for o in outlets if o["name"] == "Bistro Mitte")
    sell(login("cashier", "cashier-demo"), mitte, 40)
    operator = login("operator", "operator-demo")
    today = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Berlin")).date().isoformat()
    run = api("POST", "/reports/runs", {"job": "daily-sales", "parameters": {"businessDate": today}}, operator)
    print("daily-sales run", run["id"])

    driver = subprocess.Popen(["chromedriver", "--port=9517"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1)
        session = webdriver("POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {"args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--window-size=1366,900"]}}}})["sessionId"]
        try:
            for user, password, path, name, css in (
                    ("owner", "owner-demo", f"/admin/dashboard.xhtml?outlet={mitte}", "dashboard.png", "canvas"),
                    ("operator", "operator-demo", "/admin/reports.xhtml", "operator-console.png", ".ui-progressbar")):
                webdriver("POST", f"/session/{session}/url", {"url": BASE + "/admin/login.xhtml"})
                for field, value in (("login:tenant", "demo"), ("login:username", user), ("login:password", password)):
                    element = webdriver("POST", f"/session/{session}/element", {"using": "css selector",
                                                                                "value": f"[id='{field}']"})
                    ref = next(iter(element.values()))
                    webdriver("POST", f"/session/{session}/element/{ref}/value", {"text": value})
                button = webdriver("POST", f"/session/{session}/element", {"using": "css selector",
                                                                           "value": "[id='login:signIn']"})
                webdriver("POST", f"/session/{session}/element/{next(iter(button.values()))}/click")
                time.sleep(2)
                shoot(session, path, name, css)
                webdriver("DELETE", f"/session/{session}/cookie")
        finally:
            webdriver("DELETE", f"/session/{session}")
    finally:
        driver.terminate()


if __name__ == "__main__":
    main()

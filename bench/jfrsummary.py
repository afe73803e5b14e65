#!/usr/bin/env python3
"""Where the server's CPU went, from a JFR recording: the share of execution samples per component
(the first frame from the top of each stack that is not the JDK) and the share of samples whose stack
passes through selected RMS and platform methods (inclusive: those of the list below that occur, then
the RMS methods most samples pass through, whatever they are called today).

    python3 bench/jfrsummary.py profile.jfr
"""
import collections
import re
import subprocess
import sys

COMPONENTS = [
    ("org.h2.", "H2 (embedded database)"), ("org.postgresql.", "PostgreSQL driver"),
    ("org.eclipse.persistence.", "EclipseLink"), ("com.ibm.ws.sib.", "messaging engine"),
    ("com.ibm.tx.", "transaction manager"), ("com.ibm.ws.Transaction", "transaction manager"),
    ("com.ibm.ws.rsadapter.", "JDBC pool"), ("com.ibm.ejs.j2c.", "JCA pool"), ("org.jboss.weld.", "CDI (Weld)"),
    ("org.jboss.resteasy.", "REST (RESTEasy)"), ("org.eclipse.yasson.", "JSON-B"), ("org.eclipse.parsson.", "JSON-P"),
    ("com.ibm.ws.webcontainer.", "servlet container"), ("com.ibm.ws.http.", "HTTP"), ("io.openliberty.", "HTTP"),
    ("com.ibm.ws.security.", "security"), ("io.smallrye.jwt.", "JWT"), ("org.jose4j.", "JWT"),
    ("com.ibm.websphere.ras.", "Liberty trace"), ("com.ibm.ws.logging.", "Liberty trace"), ("com.rms.", "RMS code"),
]
INCLUSIVE = [
    "MVStore.commit", "TransactionImpl.commit", "WSJdbcConnection.prepareStatement",
    "WSJdbcPreparedStatement.executeQuery", "WSJdbcPreparedStatement.executeUpdate",
    "OrderResource.create", "OrderResource.pay", "IdempotencyKeys.claim", "IdempotencyKeys.complete",
    "Orders.create", "Orders.settle", "PaymentSteps.begin", "PaymentSteps.finishCard", "RecipeStock.check",
    "RecipeStock.hold", "RecipeStock.deduct", "OutboxPublisher", "EventConsumers.consume", "SaleStock.apply",
    "SalesFacts.apply", "Loyalty.apply", "ProcessedEvents", "Completions", "QuickSales.sell", "Payments.pay",
]
TOP = 25


def component(frame):
    for prefix, name in COMPONENTS:
        if frame.startswith(prefix):
            return name
    return None


def main(path):
    text = subprocess.run(["jfr", "print", "--stack-depth", "256", "--events", "jdk.ExecutionSample", path],
                          check=True, capture_output=True, text=True).stdout
    stacks = []
    for event in text.split("jdk.ExecutionSample")[1:]:
        m = re.search(r"stackTrace = \[(.*?)\n\s*\]", event, re.S)
        if m:
            stacks.append([re.sub(r"\s+line:.*", "", l.strip()) for l in m.group(1).strip().split("\n")
                           if l.strip() and not l.strip().startswith("...")])
    if not stacks:
        sys.exit("no execution samples in " + path)
    own = collections.Counter()
    for frames in stacks:
        own[next((c for c in map(component, frames) if c), "JDK and other")] += 1
    n = len(stacks)
    print(f"{n} execution samples\n")
    print("| component (first non-JDK frame) | share |\n|---|---|")
    for name, count in own.most_common():
        print(f"| {name} | {100 * count / n:.1f} % |")
    print("\n| stacks through | share |\n|---|---|")
    for needle in INCLUSIVE:
        count = sum(1 for frames in stacks if any(needle in f for f in frames))
        if count:
            print(f"| `{needle}` | {100 * count / n:.1f} % |")
    # whatever the RMS methods are called today: the ones most samples pass through
    through = collections.Counter()
    for frames in stacks:
        through.update({f.split("(")[0] for f in frames if f.startswith("com.rms.")})
    print(f"\n| RMS methods most samples pass through (top {TOP}) | share |\n|---|---|")
    for method, count in through.most_common(TOP):
        print(f"| `{method.removeprefix('com.rms.')}` | {100 * count / n:.1f} % |")


if __name__ == "__main__":
    main(sys.argv[1])

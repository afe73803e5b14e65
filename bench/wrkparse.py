#!/usr/bin/env python3
"""Parse a `wrk --latency` output: prints 'rps p50_ms p99_ms non2xx socket_errors'.
With --ok first: prints only the rate of 2xx/3xx answers (requests minus non-2xx/3xx, per second)."""
import re
import sys


def ms(value):
    m = re.match(r"([\d.]+)(us|ms|s|m)", value)
    n, unit = float(m.group(1)), m.group(2)
    return {"us": n / 1000, "ms": n, "s": n * 1000, "m": n * 60000}[unit]


def parse(text):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
    p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
    non = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    err = re.search(r"Socket errors: (.*)", text)
    return rps, p50, p99, int(non.group(1)) if non else 0, (err.group(1).strip() if err else "none")


def ok_rate(text):
    m = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", text)
    seconds = ms(m.group(2) + m.group(3)) / 1000
    non = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    return (int(m.group(1)) - (int(non.group(1)) if non else 0)) / seconds


if __name__ == "__main__":
    if sys.argv[1] == "--ok":
        print(f"{ok_rate(open(sys.argv[2]).read()):.0f}")
    else:
        rps, p50, p99, non, err = parse(open(sys.argv[1]).read())
        print(f"{rps:.0f} {p50:.2f} {p99:.2f} {non} {err.replace(' ', '')}")

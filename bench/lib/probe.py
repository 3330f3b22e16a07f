#!/usr/bin/env python3
"""Poll search totals while something changes the index, then check what was seen.

  probe.py poll BASE_URL LOG STOPFILE NAME=PATH [NAME=PATH ...] [--interval 0.05] [--max-seconds 900]
      Every INTERVAL seconds GETs each PATH once (one keep-alive connection) and appends
      "<seconds since start> <NAME> <HTTP status> <top-level total or -> <latency ms>" to LOG.
      Stops when STOPFILE exists or after --max-seconds.
  probe.py check LOG NAME=OLD,NEW [NAME=OLD,NEW ...]
      Passes when every answer was HTTP 200 and every total was OLD or NEW, and no probe went
      back to OLD once it had shown NEW. Prints counts per value and when NEW first appeared.
      Exit status 0 = pass, 1 = fail.
"""
import argparse
import http.client
import json
import os
import sys
import time
from urllib.parse import urlsplit


def poll(a):
    u = urlsplit(a.base)
    probes = [p.split("=", 1) for p in a.probes]
    conn = None
    start = time.monotonic()
    with open(a.log, "a", encoding="utf-8", buffering=1) as out:
        while not os.path.exists(a.stopfile) and time.monotonic() - start < a.max_seconds:
            tick = time.monotonic()
            for name, path in probes:
                t0 = time.monotonic()
                status, total = "ERR", "-"
                try:
                    if conn is None:
                        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
                    conn.request("GET", path)
                    resp = conn.getresponse()
                    body = resp.read()
                    status = str(resp.status)
                    try:
                        doc = json.loads(body)
                        if isinstance(doc, dict) and "total" in doc:
                            total = str(doc["total"])
                        elif isinstance(doc, dict) and "records" in doc:
                            total = str(doc["records"])
                    except ValueError:
                        pass
                except (OSError, http.client.HTTPException) as e:
                    status = "ERR:" + type(e).__name__
                    if conn is not None:
                        conn.close()
                    conn = None
                out.write("%.3f %s %s %s %.1f\n" % (t0 - start, name, status, total, (time.monotonic() - t0) * 1000))
            rest = a.interval - (time.monotonic() - tick)
            if rest > 0:
                time.sleep(rest)


def check(a):
    expect = {}
    for e in a.expect:
        name, vals = e.split("=", 1)
        old, new = vals.split(",")
        expect[name] = (old, new)
    seen = {n: {} for n in expect}
    bad = {n: [] for n in expect}
    first_new = {}
    back = {n: [] for n in expect}
    polls = {n: 0 for n in expect}
    for line in open(a.log, encoding="utf-8"):
        parts = line.split()
        if len(parts) < 5 or parts[1] not in expect:
            continue
        t, name, status, total = float(parts[0]), parts[1], parts[2], parts[3]
        old, new = expect[name]
        polls[name] += 1
        seen[name][total] = seen[name].get(total, 0) + 1
        if status != "200" or total not in (old, new):
            bad[name].append("t=%.3fs status=%s total=%s" % (t, status, total))
        if total == new and name not in first_new:
            first_new[name] = t
        if total == old and name in first_new:
            back[name].append("t=%.3fs" % t)
    ok = True
    for name, (old, new) in expect.items():
        counts = ", ".join("%s x%d" % (v, c) for v, c in sorted(seen[name].items(), key=lambda kv: -kv[1]))
        fn = first_new.get(name)
        print("probe %-7s polls=%d expected old=%s new=%s seen: %s; new first seen at %s" % (
            name, polls[name], old, new, counts or "nothing",
            "%.3fs" % fn if fn is not None else "never"))
        if bad[name]:
            ok = False
            print("  UNEXPECTED answers (%d), first ones: %s" % (len(bad[name]), "; ".join(bad[name][:5])))
        if back[name]:
            ok = False
            print("  went BACK to the old value after the new one (%d times), first: %s" % (len(back[name]), "; ".join(back[name][:5])))
        if fn is None:
            ok = False
            print("  the new value was never seen")
        if polls[name] == 0:
            ok = False
    return 0 if ok else 1


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("poll")
    p.add_argument("base")
    p.add_argument("log")
    p.add_argument("stopfile")
    p.add_argument("probes", nargs="+")
    p.add_argument("--interval", type=float, default=0.05)
    p.add_argument("--max-seconds", type=float, default=900)
    c = sub.add_parser("check")
    c.add_argument("log")
    c.add_argument("expect", nargs="+")
    a = ap.parse_args()
    if a.cmd == "poll":
        poll(a)
        return 0
    return check(a)


if __name__ == "__main__":
    sys.exit(main())

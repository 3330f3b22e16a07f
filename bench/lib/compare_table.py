#!/usr/bin/env python3
"""Table of a bench/compare.sh run: every run and the median of the runs for each system, then the
portal/Solr ratios of the medians against the targets of the issue.

usage: compare_table.py ROWS.txt [--records N] [--duration 20s]

ROWS.txt has one line per system and run, made of key=value tokens written by compare.sh
(system=portal-caches_true|portal-caches_false|solr-caches_true|solr-caches_false, run=, status=,
ingest_rps=, rps=, p50=, ...).
"""
import argparse
import statistics
import sys

TARGETS = [
    # label, portal key, solr key, comparison, target, wording
    ("req/s", "rps", "rps", ">=", 2.0, "portal req/s >= 2x Solr"),
    ("p99 latency", "p99", "p99", "<=", 0.5, "portal p99 <= 0.5x Solr"),
    ("ingest rate", "ingest_rps", "ingest_rps", ">=", 1.0, "portal records/s >= 1x Solr docs/s"),
    ("peak RSS", "peak_rss_all_mb", "peak_rss_mb", "<=", 1.0, "portal peak RSS <= 1x Solr"),
]

COLUMNS = [
    # header, key, format
    ("ingest rec/s", "ingest_rps", "{:.0f}"),
    ("req/s", "rps", "{:.1f}"),
    ("p50 ms", "p50", "{:.2f}"),
    ("p90 ms", "p90", "{:.2f}"),
    ("p99 ms", "p99", "{:.2f}"),
    ("peak RSS MB", "peak_rss_all_mb", "{:.0f}"),
    ("serve peak MB", "peak_rss_mb", "{:.0f}"),
    ("other_cpu_s", "other_cpu_s", "{:.1f}"),
    ("errors", "errors", "{:.0f}"),
]

NAMES = {"portal-caches_true": "portal caches on", "portal-caches_false": "portal caches off",
         "solr-caches_true": "Solr caches on", "solr-caches_false": "Solr caches off"}


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def load(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        row = dict(tok.split("=", 1) for tok in line.split() if "=" in tok)
        errs = [num(row.get(k)) for k in ("err_connect", "err_read", "err_write", "err_status", "err_timeout")]
        row["errors"] = sum(e for e in errs if e is not None) if any(e is not None for e in errs) else None
        # The portal ingests in its own process; Solr loads inside its server process, so its
        # server peak already covers loading. Compare the larger of the portal's two peaks.
        peaks = [num(row.get("peak_rss_mb")), num(row.get("ingest_peak_rss_mb"))]
        peaks = [p for p in peaks if p is not None]
        row["peak_rss_all_mb"] = max(peaks) if peaks else None
        rows.append(row)
    return rows


def median(rows, key):
    vals = [num(r.get(key)) for r in rows if r.get("status") == "ok"]
    vals = [v for v in vals if v is not None]
    return statistics.median(vals) if vals else None


def fmt(v, f):
    return "-" if v is None else f.format(v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rows")
    ap.add_argument("--records", default="?")
    ap.add_argument("--duration", default="?")
    a = ap.parse_args()
    rows = load(a.rows)
    if not rows:
        sys.exit("no rows in " + a.rows)
    systems = []
    for r in rows:
        if r["system"] not in systems:
            systems.append(r["system"])

    head = ["system", "run"] + [c[0] for c in COLUMNS] + ["quiet before (cores)", "status"]
    table = []
    medians = {}
    for s in systems:
        mine = [r for r in rows if r["system"] == s]
        for r in mine:
            table.append([NAMES.get(s, s), r.get("run", "?")]
                         + [fmt(num(r.get(k)), f) for _, k, f in COLUMNS]
                         + [r.get("busy_before", "?"), r.get("status", "?")])
        medians[s] = {k: median(mine, k) for _, k, _ in COLUMNS}
        medians[s]["ingest_wall_s"] = median(mine, "ingest_wall_s")
        medians[s]["index_mb"] = median(mine, "index_mb")
        medians[s]["rss_ready_mb"] = median(mine, "rss_ready_mb")
        medians[s]["ready_ms"] = median(mine, "ready_ms")
        ok = sum(1 for r in mine if r.get("status") == "ok")
        table.append([NAMES.get(s, s), "MEDIAN"]
                     + [fmt(medians[s][k], f) for _, k, f in COLUMNS]
                     + ["", "%d/%d ok" % (ok, len(mine))])
    widths = [max(len(str(x)) for x in col) for col in zip(head, *table)]
    print("== portal vs Solr peer: %s records, %d run(s), measured %s per bench ==" % (
        a.records, max(int(r.get("run", 0)) for r in rows), a.duration))
    print("  ".join(h.ljust(w) for h, w in zip(head, widths)))
    for t in table:
        print("  ".join(str(x).ljust(w) for x, w in zip(t, widths)))
    print("ingest rec/s: portal = records / wall time of the whole `portal ingest` process (JVM start, "
          "parse, index, commit); Solr = the peer's LOADED docs_per_s (HTTP load + commit, JVM and Solr start not counted).")
    print("peak RSS MB: portal = max(ingest process, serving process); Solr = its one process (load + serve). "
          "serve peak MB = serving process only. errors = wrk connect+read+write+status(non-2xx)+timeout.")
    print("quiet before = cores used by other processes just before each start (portal: ingest/serve).")

    portals = [s for s in systems if s.startswith("portal")]
    solrs = [s for s in systems if s.startswith("solr")]
    for ps in portals:
        for s in solrs:
            pm, sm = medians[ps], medians[s]
            # The targets are set against Solr with its caches on; the other pairs are for information.
            judged = s == "solr-caches_true"
            print()
            print("ratios %s / %s (medians)%s:" % (NAMES[ps], NAMES[s], "" if judged else " - informational"))
            for label, pk, sk, op, target, wording in TARGETS:
                p, q = pm.get(pk), sm.get(sk)
                if p is None or q is None or q == 0:
                    print("  %-12s  n/a" % label)
                    continue
                ratio = p / q
                met = ratio >= target if op == ">=" else ratio <= target
                verdict = ("MET" if met else "NOT MET") if judged else ("would be met" if met else "would not be met")
                print("  %-12s %6.2fx   target %s %.1fx   %-8s (%s)" % (label, ratio, op, target, verdict, wording))
            p, q = pm.get("peak_rss_mb"), sm.get("peak_rss_mb")
            if p is not None and q:
                print("  %-12s %6.2fx   (serving process only, for information)" % ("serve RSS", p / q))

    print()
    print("growth-table row (medians; fill bench/README.md's Growth table with these):")
    for s in systems:
        m = medians[s]
        if s.startswith("portal"):
            ingest = "ingest %s s whole process (%s rec/s)" % (fmt(m["ingest_wall_s"], "{:.1f}"), fmt(m["ingest_rps"], "{:.0f}"))
        else:
            ingest = "load+commit %s s (%s docs/s; launch to READY %s s)" % (
                fmt(m["ingest_wall_s"], "{:.1f}"), fmt(m["ingest_rps"], "{:.0f}"),
                fmt(m["ready_ms"] / 1000 if m["ready_ms"] is not None else None, "{:.1f}"))
        print("  %s | %s records | %s | index %s MB | peak RSS %s MB | %s req/s | p99 %s ms" % (
            NAMES.get(s, s), a.records, ingest, fmt(m["index_mb"], "{:.1f}"), fmt(m["peak_rss_all_mb"], "{:.0f}"),
            fmt(m["rps"], "{:.0f}"), fmt(m["p99"], "{:.1f}")))
    contended = [r for r in rows if (num(r.get("other_cpu_s")) or 0) > 0.1 * duration_s(a.duration)
                 or any((num(x) or 0) >= 0.3 for x in str(r.get("busy_before", "")).split("/"))]
    if contended:
        print()
        print("WARNING: the machine was busy in %d bench(es) (other processes >= 0.3 core before a start, or "
              "other_cpu_s > 10%% of a core during the measurement): %s. Treat those figures as contended." % (
                  len(contended), ", ".join("%s run %s" % (NAMES.get(r["system"], r["system"]), r.get("run")) for r in contended)))


def duration_s(d):
    d = str(d).strip()
    mult = {"s": 1, "m": 60, "h": 3600}
    try:
        return float(d[:-1]) * mult[d[-1]] if d and d[-1] in mult else float(d)
    except ValueError:
        return 20.0


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Sample a process's memory, then judge whether it stayed flat.

  rss.py sample PID INTERVAL_S OUT      every INTERVAL_S seconds append
                                        "<seconds since start> <RSS MB> <peak RSS MB> <threads> <CPU s>"
                                        to OUT until PID ends (or this sampler is stopped)
  rss.py report OUT WARMUP_S TOL_PCT    print the samples, then the growth after warm-up: the first
                                        sample at or after WARMUP_S is the baseline; "flat" when no
                                        later sample exceeds it by more than TOL_PCT percent.
                                        Exit status 0 = flat, 1 = grew, 2 = too few samples.
"""
import os
import sys
import time

TCK = os.sysconf("SC_CLK_TCK")


def read(pid):
    rss = hwm = threads = None
    with open("/proc/%s/status" % pid) as f:
        for line in f:
            k, _, v = line.partition(":")
            if k == "VmRSS":
                rss = int(v.split()[0]) / 1024
            elif k == "VmHWM":
                hwm = int(v.split()[0]) / 1024
            elif k == "Threads":
                threads = int(v)
    with open("/proc/%s/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / TCK
    return rss, hwm, threads, cpu


def sample(pid, interval, out):
    start = time.monotonic()
    n = 0
    with open(out, "a", buffering=1) as f:
        while True:
            try:
                rss, hwm, threads, cpu = read(pid)
            except (OSError, IndexError, ValueError):
                return
            f.write("%.1f %.0f %.0f %d %.1f\n" % (time.monotonic() - start, rss, hwm, threads, cpu))
            n += 1
            delay = start + n * interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)


def report(out, warmup, tol):
    rows = []
    for line in open(out):
        p = line.split()
        if len(p) == 5 and not line.startswith("#"):
            rows.append((float(p[0]), float(p[1]), float(p[2]), int(p[3]), float(p[4])))
    print("RSS samples of the server (t = seconds since the load started):")
    print("  %8s %8s %9s %8s %8s" % ("t_s", "rss_mb", "peak_mb", "threads", "cpu_s"))
    first_after = next((i for i, r in enumerate(rows) if r[0] >= warmup), None)
    for i, (t, rss, hwm, th, cpu) in enumerate(rows):
        mark = "  <- baseline (end of warm-up)" if i == first_after else ""
        print("  %8.1f %8.0f %9.0f %8d %8.1f%s" % (t, rss, hwm, th, cpu, mark))
    after = [r for r in rows if r[0] >= warmup]
    if len(after) < 2:
        print("MEMORY: too few samples after the %.0f s warm-up to judge growth" % warmup)
        return 2
    base = after[0][1]
    last = after[-1][1]
    peak = max(r[1] for r in after)
    n = len(after)
    mt = sum(r[0] for r in after) / n
    mr = sum(r[1] for r in after) / n
    var = sum((r[0] - mt) ** 2 for r in after)
    slope = sum((r[0] - mt) * (r[1] - mr) for r in after) / var * 60 if var else 0.0
    grow_pct = (peak - base) / base * 100 if base else 0.0
    flat = grow_pct <= tol
    print("MEMORY after warm-up (t >= %.0f s, %d samples): baseline %.0f MB, last %.0f MB (%+.0f MB), max %.0f MB "
          "(%+.1f%%), trend %+.1f MB/min -> %s (tolerance %.0f%%)" % (
              warmup, n, base, last, last - base, peak, grow_pct, slope, "FLAT" if flat else "GREW", tol))
    return 0 if flat else 1


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "sample":
        sample(sys.argv[2], float(sys.argv[3]), sys.argv[4])
        return 0
    if len(sys.argv) == 5 and sys.argv[1] == "report":
        return report(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main())

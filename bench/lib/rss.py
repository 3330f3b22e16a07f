#!/usr/bin/env python3
"""Sample a process's memory, then judge whether it stopped growing.

  rss.py sample PID INTERVAL_S OUT      every INTERVAL_S seconds append "<seconds since start>
                                        <RSS MB> <peak RSS MB> <threads> <CPU s> <anonymous MB>
                                        <file-backed MB>" to OUT until PID ends (or this sampler
                                        is stopped)
  rss.py report OUT WARMUP_S TOL_PCT    print the samples, then judge the RSS after warm-up:
                                        "bounded" when the highest RSS of its last quarter exceeds
                                        the highest before it by at most TOL_PCT percent.
                                        Exit status 0 = bounded, 1 = still climbing, 2 = too few
                                        samples.

A JVM's RSS climbs while its collector first touches the heap it may use, and drops when the
collector gives memory back, so a saw-tooth is normal; a leak shows as new highs to the end.
File-backed memory is mostly the index, which the operating system maps and may drop.
"""
import os
import sys
import time

TCK = os.sysconf("SC_CLK_TCK")


def read(pid):
    mb = {}
    threads = None
    with open("/proc/%s/status" % pid) as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
                mb[k] = int(v.split()[0]) / 1024
            elif k == "Threads":
                threads = int(v)
    with open("/proc/%s/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / TCK
    return mb["VmRSS"], mb["VmHWM"], threads, cpu, mb.get("RssAnon", 0), mb.get("RssFile", 0)


def sample(pid, interval, out):
    start = time.monotonic()
    n = 0
    with open(out, "a", buffering=1) as f:
        while True:
            try:
                rss, hwm, threads, cpu, anon, file = read(pid)
            except (OSError, IndexError, ValueError, KeyError):
                return
            f.write("%.1f %.0f %.0f %d %.1f %.0f %.0f\n" % (time.monotonic() - start, rss, hwm, threads, cpu, anon, file))
            n += 1
            delay = start + n * interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)


def report(out, warmup, tol):
    rows = []
    for line in open(out):
        p = line.split()
        if len(p) == 7 and not line.startswith("#"):
            rows.append((float(p[0]), float(p[1]), float(p[2]), int(p[3]), float(p[4]), float(p[5]), float(p[6])))
    print("RSS samples of the server (t = seconds since the load started; anon = heap and other private")
    print("memory, file = mapped files, mostly the index):")
    print("  %8s %8s %9s %8s %8s %8s %8s" % ("t_s", "rss_mb", "peak_mb", "threads", "cpu_s", "anon_mb", "file_mb"))
    first_after = next((i for i, r in enumerate(rows) if r[0] >= warmup), None)
    for i, (t, rss, hwm, th, cpu, anon, file) in enumerate(rows):
        mark = "  <- end of warm-up" if i == first_after else ""
        print("  %8.1f %8.0f %9.0f %8d %8.1f %8.0f %8.0f%s" % (t, rss, hwm, th, cpu, anon, file, mark))
    after = [r for r in rows if r[0] >= warmup]
    if len(after) < 4:
        print("MEMORY: too few samples after the %.0f s warm-up to judge growth" % warmup)
        return 2
    tail = max(2, len(after) // 4)
    first = max(r[1] for r in after[:-tail])
    second = max(r[1] for r in after[-tail:])
    n = len(after)
    mt = sum(r[0] for r in after) / n
    mr = sum(r[1] for r in after) / n
    var = sum((r[0] - mt) ** 2 for r in after)
    slope = sum((r[0] - mt) * (r[1] - mr) for r in after) / var * 60 if var else 0.0
    grow_pct = (second - first) / first * 100 if first else 0.0
    bounded = grow_pct <= tol
    print("RSS after warm-up (t >= %.0f s, %d samples): from %.0f to %.0f MB, highest %.0f MB before the last %d "
          "samples, %.0f MB in them (%+.1f%%), trend %+.1f MB/min -> %s (tolerance %.0f%%)" % (
              warmup, n, after[0][1], after[-1][1], first, tail, second, grow_pct, slope,
              "BOUNDED" if bounded else "STILL CLIMBING", tol))
    return 0 if bounded else 1


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "sample":
        sample(sys.argv[2], float(sys.argv[3]), sys.argv[4])
        return 0
    if len(sys.argv) == 5 and sys.argv[1] == "report":
        return report(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main())

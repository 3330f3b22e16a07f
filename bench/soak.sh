#!/usr/bin/env bash
# Soak test of the portal: many connections for a long time over a mixed query list; reports
# failed requests and whether the server's memory stays flat after warm-up.
#   bench/soak.sh N
# Uses bench/data/index-N (made with a fresh `portal ingest` if missing), starts `portal serve`
# on 127.0.0.1:PORTAL_PORT, then runs
#   wrk -t THREADS -c CONNS -d DURATION --timeout TIMEOUT --latency -s <peer>/bench/mix.lua
# over: the peer's 48-query mix rendered for the portal (the peer's render_portal.py) plus the
# natural-language, query-syntax and facet-only requests of bench/soak-queries.txt. Every request
# is sent once first and must answer HTTP 200. The server's RSS is sampled every SAMPLE_S seconds.
# At WARMUP_S into the load and again after it, a full collection is forced (jcmd GC.run) and the
# heap that survives it is read from /metrics: that live heap is what a leak would make grow.
# PASS when wrk saw no socket error, timeout or non-2xx answer, the live heap grew by at most
# RSS_TOL_PCT percent, and the RSS of the last quarter after warm-up rose above the highest before
# it by at most RSS_TOL_PCT percent (a collector's saw-tooth is fine, climbing to the end is not).
# Env (defaults): DURATION=5m CONNS=64 THREADS=2 TIMEOUT=10s SAMPLE_S=10 WARMUP_S=60
#   RSS_TOL_PCT=10 PORTAL_PORT=18072 QUERIES=bench/soak-queries.txt PORTAL_JAVA_OPTS
#   QUIET_MAX_S=120 QUIET_CORES=0.3 SOLR_PEER
# Logs: bench/results/soak-N-<UTC time>/.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() { echo "usage: $0 N      e.g. DURATION=30s WARMUP_S=10 $0 10000" >&2; exit 2; }
[[ $# -eq 1 ]] || usage
is_count "$1" || usage
N="$1"
DURATION="${DURATION:-5m}"; CONNS="${CONNS:-64}"; THREADS="${THREADS:-2}"; TIMEOUT="${TIMEOUT:-10s}"
SAMPLE_S="${SAMPLE_S:-10}"; WARMUP_S="${WARMUP_S:-60}"; RSS_TOL_PCT="${RSS_TOL_PCT:-10}"
PORT="${PORTAL_PORT:-18072}"
QUERIES="${QUERIES:-$BENCH_DIR/soak-queries.txt}"
[[ "$DURATION" =~ ^[0-9]+[smh]?$ ]] || die "DURATION must look like 300, 30s, 5m or 1h"
[[ -f "$QUERIES" ]] || die "QUERIES=$QUERIES not found"

OUT="$RESULTS_DIR/soak-$N-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
log_to "$OUT/soak.log"
log_header "bench/soak.sh N=$N DURATION=$DURATION CONNS=$CONNS THREADS=$THREADS TIMEOUT=$TIMEOUT SAMPLE_S=$SAMPLE_S WARMUP_S=$WARMUP_S RSS_TOL_PCT=$RSS_TOL_PCT PORTAL_JAVA_OPTS='${PORTAL_JAVA_OPTS:-}'"
"$BENCH_DIR/data.sh" "$N"
portal_build
require_free_port "$PORT" PORTAL_PORT
INDEX="$DATA_DIR/index-$N"
CORPUS="$DATA_DIR/corpus-$N"
if [[ ! -d "$INDEX" ]]; then
  wait_quiet "portal ingest"
  portal_ingest "$CORPUS" "$INDEX" "$OUT/ingest.log"
fi

echo "+ python3 $PEER_DIR/bench/render_portal.py $PEER_DIR/bench/mix.tsv > $OUT/paths.txt"
python3 "$PEER_DIR/bench/render_portal.py" "$PEER_DIR/bench/mix.tsv" > "$OUT/paths.txt"
NMIX=$(wc -l < "$OUT/paths.txt")
echo "+ python3 $BENCH_DIR/lib/render_queries.py $QUERIES >> $OUT/paths.txt"
python3 "$BENCH_DIR/lib/render_queries.py" "$QUERIES" >> "$OUT/paths.txt"
NQ=$(wc -l < "$OUT/paths.txt")
echo "request list: $NQ paths: $NMIX from the peer mix, $((NQ - NMIX)) from $(basename "$QUERIES")"

wait_quiet "portal serve"
portal_serve "$PORT" "$INDEX" "$CORPUS" "$OUT/serve.log"
wait_health "$PORT" "$SERVE_PID" "" 1800
echo "portal serve: pid=$SERVE_PID java=$(java_of "$SERVE_PID") rss_mb=$(rss_mb "$SERVE_PID")"
JCMD="$(dirname "$(java_of "$SERVE_PID")")/jcmd"
[[ -x "$JCMD" ]] || die "no jcmd beside the server's java ($JCMD): the live-heap check needs a JDK"

# live_heap_mb FILE: forces a full collection in the server, then writes what survived it (MB).
live_heap_mb() {
  "$JCMD" "$SERVE_PID" GC.run > /dev/null
  sleep 1
  curl -s --max-time 10 "http://$HOST:$PORT/metrics" \
    | awk '$1 == "jvm_gc_live_data_size_bytes" { printf "%.0f\n", $2 / 1048576 }' > "$1"
}

echo "sanity: every request once (curl), each must answer HTTP 200"
bad=0
: > "$OUT/first-calls.txt"
while IFS= read -r p; do
  res=$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' --max-time 30 "http://$HOST:$PORT$p" || echo "000 0 0")
  code=${res%% *}
  echo "$res $p" >> "$OUT/first-calls.txt"
  if [[ "$code" != 200 ]]; then
    echo "  HTTP $code: $p"
    bad=$((bad + 1))
  fi
done < "$OUT/paths.txt"
((bad == 0)) || die "$bad of $NQ requests did not answer 200; fix the list before soaking"
echo "sanity: $NQ/$NQ answered 200; slowest first calls (cold server, one at a time):"
sort -k2,2 -rn "$OUT/first-calls.txt" | head -5 | awk '{printf "  %7.1f ms %6.1f KB  %s\n", $2 * 1000, $3 / 1024, $4}'

echo "+ python3 $BENCH_DIR/lib/rss.py sample $SERVE_PID $SAMPLE_S $OUT/rss.txt &"
python3 "$BENCH_DIR/lib/rss.py" sample "$SERVE_PID" "$SAMPLE_S" "$OUT/rss.txt" &
SAMPLER_PID=$!
track "$SAMPLER_PID" "RSS sampler"
echo "+ (sleep $WARMUP_S; jcmd $SERVE_PID GC.run; live heap from /metrics) &"
(sleep "$WARMUP_S"; live_heap_mb "$OUT/live-start.txt") &
LIVE_PID=$!
track "$LIVE_PID" "live-heap probe"
WRK_RC=0
h0=$(host_busy_ticks); c0=$(awk '{print $14 + $15}' "/proc/$SERVE_PID/stat"); t0=$SECONDS
echo "+ BENCH_PATHS=$OUT/paths.txt wrk -t$THREADS -c$CONNS -d$DURATION --timeout $TIMEOUT --latency -s $PEER_DIR/bench/mix.lua http://$HOST:$PORT | tee $OUT/wrk.log"
BENCH_PATHS="$OUT/paths.txt" wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout "$TIMEOUT" --latency \
  -s "$PEER_DIR/bench/mix.lua" "http://$HOST:$PORT" 2>&1 | tee "$OUT/wrk.log" || WRK_RC=$?
h1=$(host_busy_ticks); c1=$(awk '{print $14 + $15}' "/proc/$SERVE_PID/stat"); t1=$SECONDS
sleep 1
stop_pid "$SAMPLER_PID" "RSS sampler"
wait "$LIVE_PID" || true
echo "+ jcmd $SERVE_PID GC.run; live heap from /metrics"
live_heap_mb "$OUT/live-end.txt" || true
HEALTH="$(curl -s --max-time 10 "http://$HOST:$PORT/api/health" || true)"
stop_pid "$SERVE_PID" "portal serve"

echo
echo "=== results ==="
FAIL=()
((WRK_RC == 0)) || FAIL+=("wrk exited with status $WRK_RC")
NON2XX=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$OUT/wrk.log" | tail -1)
SOCKERR=$(sed -n 's/^ *Socket errors: *//p' "$OUT/wrk.log" | tail -1)
f() { kv "$OUT/wrk.log" 'SUMMARY ' "$1"; }
echo "requests=$(f requests) rps=$(f rps) p50_ms=$(f p50_ms) p90_ms=$(f p90_ms) p99_ms=$(f p99_ms) p999_ms=$(f p999_ms) max_ms=$(f max_ms)"
echo "errors: connect=$(f connect) read=$(f read) write=$(f write) timeout=$(f timeout) non-2xx=$(f status) (wrk's own lines: Non-2xx or 3xx responses: ${NON2XX:-0}; Socket errors: ${SOCKERR:-none})"
[[ -n "$(f requests)" ]] || FAIL+=("wrk printed no SUMMARY line")
for k in connect read write timeout status; do
  v="$(f "$k")"
  [[ -z "$v" || "$v" == 0 ]] || FAIL+=("$k errors: $v")
done
awk -v h0="$h0" -v h1="$h1" -v c0="$c0" -v c1="$c1" -v t="$TCK" -v s=$((t1 - t0)) -v n="$(nproc)" 'BEGIN {
  srv = (c1 - c0) / t; host = (h1 - h0) / t; rest = host - srv; if (rest < 0) rest = 0
  printf "CPU during the load (%d s, %d cores): server %.1f s (%.2f cores), everything else incl. wrk %.1f s (%.2f cores)\n", s, n, srv, srv / (s ? s : 1), rest, rest / (s ? s : 1) }'
echo "health after the soak: ${HEALTH:-no answer}"
[[ "$HEALTH" == *'"ok"'* ]] || FAIL+=("no healthy answer after the soak")
MEM_RC=0
python3 "$BENCH_DIR/lib/rss.py" report "$OUT/rss.txt" "$WARMUP_S" "$RSS_TOL_PCT" || MEM_RC=$?
case $MEM_RC in
  0) ;;
  2) FAIL+=("too few RSS samples after warm-up (DURATION too short for WARMUP_S=$WARMUP_S, SAMPLE_S=$SAMPLE_S)") ;;
  *) FAIL+=("RSS still climbing at the end (its last quarter more than $RSS_TOL_PCT% above the highest before it)") ;;
esac
LIVE0=$(cat "$OUT/live-start.txt" 2>/dev/null || true); LIVE1=$(cat "$OUT/live-end.txt" 2>/dev/null || true)
if [[ -z "$LIVE0" || -z "$LIVE1" ]]; then
  FAIL+=("no live-heap reading (start '${LIVE0}', end '${LIVE1}')")
else
  awk -v a="$LIVE0" -v b="$LIVE1" -v t="$RSS_TOL_PCT" 'BEGIN {
    g = a > 0 ? (b - a) / a * 100 : 0
    printf "LIVE HEAP after a full collection: %d MB at the end of warm-up, %d MB after the load (%+.1f%%) -> %s (tolerance %d%%)\n",
      a, b, g, g <= t ? "FLAT" : "GREW", t
    exit g > t }' || FAIL+=("live heap grew from $LIVE0 to $LIVE1 MB")
fi
errs=$(grep -ciE 'exception|error|severe' "$OUT/serve.log" || true)
echo "server log: $errs lines mentioning exception/error/severe ($OUT/serve.log)"
((errs == 0)) || { grep -iE 'exception|error|severe' "$OUT/serve.log" | head -5; FAIL+=("the server logged $errs exception/error lines"); }

echo
if ((${#FAIL[@]} == 0)); then
  echo "PASS: soak of $DURATION at $CONNS connections over $NQ requests: no failed request, live heap flat and RSS bounded after ${WARMUP_S}s"
else
  echo "FAIL:"
  printf '  - %s\n' "${FAIL[@]}"
fi
echo "# logs: $OUT"
((${#FAIL[@]} == 0))

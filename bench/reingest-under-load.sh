#!/usr/bin/env bash
# Re-ingest into the index a portal is serving, while wrk loads it: every answer must stay
# consistent (old view or new view, never a mix) and no request may fail.
#   bench/reingest-under-load.sh N
# Steps:
#   1. corpus bench/data/reingest-N/corpus = synthetic-N.jsonl + probe-a.jsonl (PROBE_A records
#      carrying the word "quokkaprobe"); fresh `portal ingest` into bench/data/reingest-N/index;
#      `portal serve` on that index.
#   2. wrk (peer mix, rendered by the peer's render_portal.py, the peer's mix.lua) starts; a poller
#      asks every PROBE_INTERVAL s for q=quokkaprobe (total PROBE_A) and for all records
#      (total N + PROBE_A).
#   3. after LEAD_S: the corpus changes (synthetic-N.jsonl loses its first DROP records,
#      probe-a.jsonl is deleted, probe-b.jsonl with PROBE_B records is added) and
#      `portal ingest` runs into the SAME index folder the server reads. Expected afterwards:
#      q=quokkaprobe -> PROBE_B, all -> N - DROP + PROBE_B.
#   4. once the poller has seen the new totals, TAIL_S more seconds of load, then wrk is stopped.
# PASS when: every probe answer was HTTP 200 with the old or the new total, none went back to the
# old total after the new one, the new totals appeared, wrk saw no socket errors and no non-2xx
# answers, the ingest finished while the load ran, and /api/health shows the new record count.
# Env (defaults): PORTAL_PORT=18071 THREADS=2 CONNS=16 LEAD_S=5 TAIL_S=5 PROBE_A=200 PROBE_B=300
#   DROP=N/10 PROBE_INTERVAL=0.05 MAX_S=900 (upper bound of the wrk run) REFRESH_WAIT_S=60
#   PORTAL_JAVA_OPTS, QUIET_MAX_S=120, QUIET_CORES=0.3, SOLR_PEER
# Logs: bench/results/reingest-N-<UTC time>/.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() { echo "usage: $0 N      (N = number of synthetic records, e.g. 10000)" >&2; exit 2; }
[[ $# -eq 1 ]] || usage
is_count "$1" || usage
N="$1"
PORT="${PORTAL_PORT:-18071}"
THREADS="${THREADS:-2}"; CONNS="${CONNS:-16}"
LEAD_S="${LEAD_S:-5}"; TAIL_S="${TAIL_S:-5}"; MAX_S="${MAX_S:-900}"; REFRESH_WAIT_S="${REFRESH_WAIT_S:-60}"
PROBE_A="${PROBE_A:-200}"; PROBE_B="${PROBE_B:-300}"; DROP="${DROP:-$((N / 10))}"
PROBE_INTERVAL="${PROBE_INTERVAL:-0.05}"
TOKEN=quokkaprobe
((PROBE_A != PROBE_B)) || die "PROBE_A and PROBE_B must differ"
((DROP < N)) || die "DROP must be smaller than N"

OUT="$RESULTS_DIR/reingest-$N-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
log_to "$OUT/reingest.log"
log_header "bench/reingest-under-load.sh N=$N PORT=$PORT THREADS=$THREADS CONNS=$CONNS PROBE_A=$PROBE_A PROBE_B=$PROBE_B DROP=$DROP LEAD_S=$LEAD_S TAIL_S=$TAIL_S PORTAL_JAVA_OPTS='${PORTAL_JAVA_OPTS:-}'"
"$BENCH_DIR/data.sh" "$N"
portal_build
require_free_port "$PORT" PORTAL_PORT

W="$DATA_DIR/reingest-$N"
DATA="$DATA_DIR/synthetic-$N.jsonl"
run rm -rf "$W"
run mkdir -p "$W/corpus"
run ln "$DATA" "$W/corpus/synthetic-$N.jsonl" 2>/dev/null || run cp -p "$DATA" "$W/corpus/synthetic-$N.jsonl"
run python3 "$BENCH_DIR/lib/probe_records.py" a "$PROBE_A" "$TOKEN" "$W/corpus/probe-a.jsonl"
# the state after the change, staged outside the corpus folder
run python3 "$BENCH_DIR/lib/probe_records.py" b "$PROBE_B" "$TOKEN" "$W/probe-b.jsonl"
echo "+ tail -n +$((DROP + 1)) $DATA > $W/synthetic-$N.jsonl.after"
tail -n +$((DROP + 1)) "$DATA" > "$W/synthetic-$N.jsonl.after"
OLD_P=$PROBE_A; NEW_P=$PROBE_B
OLD_ALL=$((N + PROBE_A)); NEW_ALL=$((N - DROP + PROBE_B))

echo
echo "=== initial index and server ==="
wait_quiet "initial ingest"
portal_ingest "$W/corpus" "$W/index" "$OUT/ingest-initial.log"
[[ "$ING_RECORDS" == "$OLD_ALL" ]] || die "initial index holds $ING_RECORDS records, expected $OLD_ALL"
INITIAL_WALL_S=$ING_WALL_S
wait_quiet "portal serve"
portal_serve "$PORT" "$W/index" "$W/corpus" "$OUT/serve.log"
wait_health "$PORT" "$SERVE_PID" "$OLD_ALL"
echo "portal serve: pid=$SERVE_PID java=$(java_of "$SERVE_PID") rss_mb=$(rss_mb "$SERVE_PID")"
PROBE_PATH="/api/search?q=$TOKEN&size=1"
ALL_PATH="/api/search?size=1"
got="$(curl -s "http://$HOST:$PORT$PROBE_PATH" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
[[ "$got" == "$OLD_P" ]] || die "q=$TOKEN answers total=$got before the change, expected $OLD_P"
got="$(curl -s "http://$HOST:$PORT$ALL_PATH" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
[[ "$got" == "$OLD_ALL" ]] || die "browsing all answers total=$got before the change, expected $OLD_ALL"
echo "before the change: q=$TOKEN total=$OLD_P, all records total=$OLD_ALL"

echo
echo "=== load, probes, re-ingest ==="
echo "+ python3 $PEER_DIR/bench/render_portal.py $PEER_DIR/bench/mix.tsv > $OUT/paths.txt"
python3 "$PEER_DIR/bench/render_portal.py" "$PEER_DIR/bench/mix.tsv" > "$OUT/paths.txt"
STOP="$OUT/probe.stop"
rm -f "$STOP"
echo "# start_epoch $(date +%s.%N)" > "$OUT/probe.log"
show python3 "$BENCH_DIR/lib/probe.py" poll "http://$HOST:$PORT" "$OUT/probe.log" "$STOP" "probe=$PROBE_PATH" "all=$ALL_PATH" --interval "$PROBE_INTERVAL" --max-seconds "$MAX_S"
python3 "$BENCH_DIR/lib/probe.py" poll "http://$HOST:$PORT" "$OUT/probe.log" "$STOP" "probe=$PROBE_PATH" "all=$ALL_PATH" \
  --interval "$PROBE_INTERVAL" --max-seconds "$MAX_S" &
POLL_PID=$!
track "$POLL_PID" "probe poller"
P0=$(awk '/^# start_epoch/ {print $3}' "$OUT/probe.log")
since() { awk -v a="$P0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.3f", b - a}'; }
echo "+ BENCH_PATHS=$OUT/paths.txt wrk -t$THREADS -c$CONNS -d${MAX_S}s --timeout 10s --latency -s $PEER_DIR/bench/mix.lua http://$HOST:$PORT > $OUT/wrk.log &   # stopped with SIGINT after the check"
BENCH_PATHS="$OUT/paths.txt" wrk -t"$THREADS" -c"$CONNS" -d"${MAX_S}s" --timeout 10s --latency -s "$PEER_DIR/bench/mix.lua" \
  "http://$HOST:$PORT" > "$OUT/wrk.log" 2>&1 &
WRK_PID=$!
track "$WRK_PID" wrk
WRK_START=$(since)
echo "load started at t=${WRK_START}s (times are seconds since the poller started)"
sleep "$LEAD_S"

echo "changing the corpus: drop the first $DROP synthetic records, remove probe-a.jsonl ($PROBE_A records), add probe-b.jsonl ($PROBE_B records)"
run mv "$W/synthetic-$N.jsonl.after" "$W/corpus/synthetic-$N.jsonl"
run rm "$W/corpus/probe-a.jsonl"
run mv "$W/probe-b.jsonl" "$W/corpus/probe-b.jsonl"
ING_START=$(since)
echo "re-ingest starts at t=${ING_START}s, under load, into the index the server reads"
portal_ingest "$W/corpus" "$W/index" "$OUT/ingest-under-load.log"
ING_END=$(since)
REINGEST_WALL_S=$ING_WALL_S
echo "re-ingest ended at t=${ING_END}s"
[[ "$ING_RECORDS" == "$NEW_ALL" ]] || echo "WARNING: the re-ingest reports $ING_RECORDS records, expected $NEW_ALL"

# wait until the server shows the new view (it refreshes about once a second)
seen_new() {
  awk -v p="$NEW_P" -v a="$NEW_ALL" '$2 == "probe" && $4 == p {x = 1} $2 == "all" && $4 == a {y = 1} END {exit !(x && y)}' "$OUT/probe.log"
}
start=$SECONDS
until seen_new; do
  ((SECONDS - start < REFRESH_WAIT_S)) || { echo "the new totals did not appear within ${REFRESH_WAIT_S}s"; break; }
  sleep 0.2
done
SEEN_NEW_AT=$(since)
sleep "$TAIL_S"

LOAD_LASTED=yes
alive "$WRK_PID" || LOAD_LASTED=no
echo "+ kill -INT $WRK_PID   # stop wrk, it prints its statistics"
kill -INT "$WRK_PID" 2>/dev/null || true
wait "$WRK_PID" || true
WRK_END=$(since)
run touch "$STOP"
wait "$POLL_PID" || true
HEALTH="$(curl -s "http://$HOST:$PORT/api/health" || true)"
SERVER_RSS=$(rss_mb "$SERVE_PID"); SERVER_HWM=$(hwm_mb "$SERVE_PID")
stop_pid "$SERVE_PID" "portal serve"

echo
echo "=== wrk (load from t=${WRK_START}s to t=${WRK_END}s) ==="
cat "$OUT/wrk.log"
echo
echo "=== checks ==="
FAIL=()
in_window=$(awk -v a="$ING_START" -v b="$ING_END" '$1 !~ /^#/ && $1 >= a && $1 <= b' "$OUT/probe.log" | wc -l)
echo "re-ingest under load: from t=${ING_START}s to t=${ING_END}s (${REINGEST_WALL_S}s wall; the same ingest took ${INITIAL_WALL_S}s without load); new totals all seen by t=${SEEN_NEW_AT}s; $in_window probe answers during the ingest"
run python3 "$BENCH_DIR/lib/probe.py" check "$OUT/probe.log" "probe=$OLD_P,$NEW_P" "all=$OLD_ALL,$NEW_ALL" \
  || FAIL+=("probe answers were not all old-or-new, or the new view never appeared")
NON2XX=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$OUT/wrk.log" | tail -1)
SOCKERR=$(sed -n 's/^ *Socket errors: *//p' "$OUT/wrk.log" | tail -1)
SUMMARY=$(grep -m1 '^SUMMARY ' "$OUT/wrk.log" || true)
echo "wrk: requests=$(kv "$OUT/wrk.log" 'SUMMARY ' requests) rps=$(kv "$OUT/wrk.log" 'SUMMARY ' rps) p50_ms=$(kv "$OUT/wrk.log" 'SUMMARY ' p50_ms) p99_ms=$(kv "$OUT/wrk.log" 'SUMMARY ' p99_ms) max_ms=$(kv "$OUT/wrk.log" 'SUMMARY ' max_ms) non-2xx=${NON2XX:-0} socket errors: ${SOCKERR:-none}"
[[ -n "$SUMMARY" ]] || FAIL+=("wrk printed no SUMMARY line")
[[ -z "$NON2XX" || "$NON2XX" == 0 ]] || FAIL+=("wrk got $NON2XX non-2xx/3xx answers")
[[ -z "$SOCKERR" ]] || FAIL+=("wrk reported socket errors: $SOCKERR")
[[ "$LOAD_LASTED" == yes ]] || FAIL+=("wrk ended (MAX_S=${MAX_S}s) before the check was over; raise MAX_S")
((in_window > 0)) || FAIL+=("no probe answer fell inside the ingest window")
echo "health after: $HEALTH (expected $NEW_ALL records); server rss_mb=$SERVER_RSS peak_rss_mb=$SERVER_HWM"
[[ "$HEALTH" == *"\"records\":$NEW_ALL"* ]] || FAIL+=("/api/health does not show $NEW_ALL records")
errs=$(grep -ciE 'exception|error|severe' "$OUT/serve.log" || true)
echo "server log: $errs lines mentioning exception/error/severe ($OUT/serve.log)"
((errs == 0)) || { grep -iE 'exception|error|severe' "$OUT/serve.log" | head -5; FAIL+=("the server logged $errs exception/error lines"); }

echo
if ((${#FAIL[@]} == 0)); then
  echo "PASS: re-ingest of $N records under load; q=$TOKEN went $OLD_P -> $NEW_P and all records $OLD_ALL -> $NEW_ALL with no other value, no failed request"
else
  echo "FAIL:"
  printf '  - %s\n' "${FAIL[@]}"
fi
echo "# logs: $OUT"
((${#FAIL[@]} == 0))

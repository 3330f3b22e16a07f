#!/usr/bin/env bash
# Portal vs Solr peer, side by side, on the same N synthetic records, RUNS times, then medians
# and the portal/Solr ratios against the targets of the "twice Solr's throughput" issue.
#   bench/compare.sh N [RUNS=3]
# Each run:
#   portal: wait until the machine is quiet; fresh `portal ingest` (whole process, timed); then
#           for each CACHES mode: wait quiet; `portal serve` on 127.0.0.1:PORTAL_PORT (caches
#           false = `--result-cache 0`); wait for /api/health; the peer's bench.sh with
#           RENDER=render_portal.py; stop the server (by PID).
#   Solr:   for each CACHES mode: wait quiet; the peer's run.sh on the same jsonl on SOLR_PORT
#           (LOADED line = load + commit docs/s); wait for READY; bench.sh with the Solr renderer;
#           stop it (by PID).
# Env (defaults): DURATION=20s WARMUP=40s THREADS=2 CONNS=16   (passed to bench.sh)
#   (40 s: both JVMs keep getting faster for 25-50 s of this load while the JIT compiles; a
#   shorter warm-up measures the compiler rather than the servers)
#   CACHES="true"  result caches on; "false" = off; "true false" = both, one server start per mode
#                  and system (portal: --result-cache 0; Solr: the peer's -Dportal.caches)
#   PORTAL_PORT=18070 SOLR_PORT=18983   QUIET_MAX_S=120 QUIET_CORES=0.3   READY_TIMEOUT_S=1800
#   PORTAL_JAVA_OPTS (portal JVM)   PEER_HEAP, PEER_JAVA, PEER_JAVA_OPTS (Solr JVM, read by run.sh)
#   MIX (another mix.tsv for both systems)   SOLR_PEER (default ../shared/peers/solr)
# Output: a table on stdout; raw logs in bench/results/compare-N-<UTC time>/.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() { echo "usage: $0 N [RUNS=3]      e.g. DURATION=10s WARMUP=5s $0 10000 1" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || usage
is_count "$1" || usage
N="$1"
RUNS="${2:-3}"
is_count "$RUNS" || usage
DURATION="${DURATION:-20s}"; WARMUP="${WARMUP:-40s}"; THREADS="${THREADS:-2}"; CONNS="${CONNS:-16}"
CACHES="${CACHES:-true}"
PORTAL_PORT="${PORTAL_PORT:-18070}"
SOLR_PORT="${SOLR_PORT:-18983}"
READY_TIMEOUT_S="${READY_TIMEOUT_S:-1800}"
for mode in $CACHES; do [[ "$mode" == true || "$mode" == false ]] || die "CACHES must list true and/or false, got '$CACHES'"; done
[[ "$PORTAL_PORT" != "$SOLR_PORT" ]] || die "PORTAL_PORT and SOLR_PORT must differ"

OUT="$RESULTS_DIR/compare-$N-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
ROWS="$OUT/rows.txt"
: > "$ROWS"
log_to "$OUT/compare.log"

log_header "bench/compare.sh N=$N RUNS=$RUNS DURATION=$DURATION WARMUP=$WARMUP THREADS=$THREADS CONNS=$CONNS CACHES='$CACHES' PORTAL_JAVA_OPTS='${PORTAL_JAVA_OPTS:-}' PEER_HEAP=${PEER_HEAP:-512m} PEER_JAVA_OPTS='${PEER_JAVA_OPTS:-}'"
"$BENCH_DIR/data.sh" "$N"
DATA="$DATA_DIR/synthetic-$N.jsonl"
CORPUS="$DATA_DIR/corpus-$N"
INDEX="$DATA_DIR/index-$N"
peer_build
portal_build
require_free_port "$PORTAL_PORT" PORTAL_PORT
require_free_port "$SOLR_PORT" SOLR_PORT

# bench_server NAME PORT PID RENDER LOG: the peer's bench.sh against a running server.
bench_server() {
  local name="$1" port="$2" pid="$3" render="$4" log="$5" rc=0
  echo "+ (cd $PEER_DIR && SERVER_PID=$pid RENDER=$render ./bench.sh $port $DURATION $THREADS $CONNS $WARMUP) | tee $log"
  (cd "$PEER_DIR" && env -u RENDER_ARGS -u CORE SERVER_PID="$pid" RENDER="$render" \
    ./bench.sh "$port" "$DURATION" "$THREADS" "$CONNS" "$WARMUP") 2>&1 | tee "$log" || rc=$?
  if ((rc != 0)); then
    echo "WARNING: bench.sh against $name failed (exit $rc); this run is marked failed"
    return 1
  fi
}

# bench_fields LOG: key=value fields for the rows file, from bench.sh's output.
bench_fields() {
  local log="$1" range kb non2xx sockerr
  range="$(sed -n 's/.* range \([0-9?]*\.\.[0-9?]*\),.*/\1/p' "$log" | head -1)"
  kb="$(sed -n 's/.*avg response \([0-9.]*\) KB.*/\1/p' "$log" | head -1)"
  non2xx="$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$log" | tail -1)"
  sockerr="$(grep -c '^ *Socket errors:' "$log" || true)"
  printf 'rps=%s p50=%s p90=%s p99=%s p999=%s max=%s requests=%s err_connect=%s err_read=%s err_write=%s err_status=%s err_timeout=%s non2xx=%s socket_error_lines=%s server_cpu_s=%s wrk_cpu_s=%s other_cpu_s=%s rss_end_mb=%s peak_rss_mb=%s hits=%s resp_kb=%s' \
    "$(kv "$log" 'SUMMARY ' rps)" "$(kv "$log" 'SUMMARY ' p50_ms)" "$(kv "$log" 'SUMMARY ' p90_ms)" \
    "$(kv "$log" 'SUMMARY ' p99_ms)" "$(kv "$log" 'SUMMARY ' p999_ms)" "$(kv "$log" 'SUMMARY ' max_ms)" \
    "$(kv "$log" 'SUMMARY ' requests)" "$(kv "$log" 'SUMMARY ' connect)" "$(kv "$log" 'SUMMARY ' read)" \
    "$(kv "$log" 'SUMMARY ' write)" "$(kv "$log" 'SUMMARY ' status)" "$(kv "$log" 'SUMMARY ' timeout)" \
    "${non2xx:-0}" "$sockerr" \
    "$(kv "$log" 'CPU ' server_cpu_s)" "$(kv "$log" 'CPU ' wrk_cpu_s)" "$(kv "$log" 'CPU ' other_cpu_s)" \
    "$(kv "$log" 'MEM ' rss_mb)" "$(kv "$log" 'MEM ' peak_rss_mb)" "${range:-?}" "${kb:-?}"
}

run_portal() {
  local r="$1"
  local p="$OUT/run$r-portal" busy_ingest
  echo
  echo "=== run $r/$RUNS: portal ingest ==="
  run rm -rf "$INDEX"
  wait_quiet "portal ingest"
  busy_ingest="$QUIET_BUSY"
  portal_ingest "$CORPUS" "$INDEX" "$p-ingest.log"
  [[ "$ING_RECORDS" == "$N" ]] || die "the portal index holds $ING_RECORDS records, expected $N"
  for mode in $CACHES; do serve_portal "$r" "$mode" "$busy_ingest"; done
}

# serve_portal RUN MODE BUSY_INGEST: serves the index just built; caches=false is
# `--result-cache 0`: no cached hits and facet counts, every request searches, counts and
# highlights. (The portal's filter cache stays on; the peer's caches=false also drops Solr's.)
serve_portal() {
  local r="$1" mode="$2" busy_ingest="$3"
  local p="$OUT/run$r-portal-caches_$mode" status=ok busy_serve t0 rss_ready opts=()
  [[ "$mode" == false ]] && opts=(--result-cache 0)
  echo
  echo "=== run $r/$RUNS: portal (caches=$mode) ==="
  wait_quiet "portal serve"
  busy_serve="$QUIET_BUSY"
  t0=$(date +%s%N)
  portal_serve "$PORTAL_PORT" "$INDEX" "$CORPUS" "$p-serve.log" "${opts[@]}"
  wait_health "$PORTAL_PORT" "$SERVE_PID" "$N" "$READY_TIMEOUT_S"
  local ready_ms=$((($(date +%s%N) - t0) / 1000000))
  rss_ready="$(rss_mb "$SERVE_PID")"
  echo "portal serve: pid=$SERVE_PID java=$(java_of "$SERVE_PID") launch_to_healthy_ms=$ready_ms rss_mb=$rss_ready"
  grep -q '^Ingest finished' "$p-serve.log" && echo "WARNING: serve re-ingested the corpus at start (see $p-serve.log)"
  bench_server "portal (caches=$mode)" "$PORTAL_PORT" "$SERVE_PID" render_portal.py "$p-bench.log" || status=failed
  stop_pid "$SERVE_PID" "portal serve"
  echo "system=portal-caches_$mode run=$r status=$status ingest_rps=$ING_RPS ingest_wall_s=$ING_WALL_S ingest_reported_s=${ING_INTERNAL_S:-?} index_mb=$ING_INDEX_MB ingest_peak_rss_mb=$ING_PEAK_RSS_MB ready_ms=$ready_ms rss_ready_mb=$rss_ready busy_before=$busy_ingest/$busy_serve $(bench_fields "$p-bench.log")" >> "$ROWS"
}

run_solr() {
  local r="$1" mode="$2"
  local p="$OUT/run$r-solr-caches_$mode" status=ok t0 ready_ms rss_ready idx
  echo
  echo "=== run $r/$RUNS: Solr (caches=$mode) ==="
  wait_quiet "Solr start"
  local busy="$QUIET_BUSY"
  require_free_port "$SOLR_PORT" SOLR_PORT
  local opts="${PEER_JAVA_OPTS:-} -Dportal.caches=$mode"
  opts="${opts# }"
  echo "+ (cd $PEER_DIR && PEER_JAVA_OPTS='$opts' ./run.sh $DATA $SOLR_PORT) > $p-run.out 2> $p-run.err &"
  t0=$(date +%s%N)
  (cd "$PEER_DIR" && PEER_JAVA_OPTS="$opts" exec ./run.sh "$DATA" "$SOLR_PORT") > "$p-run.out" 2> "$p-run.err" &
  local pid=$!
  track "$pid" "Solr peer"
  local start=$SECONDS
  until grep -q '^READY ' "$p-run.out"; do
    if ! alive "$pid" || grep -q '^FAILED' "$p-run.out"; then
      cat "$p-run.out"; tail -20 "$p-run.err"
      die "the Solr peer did not become READY (see $p-run.err)"
    fi
    ((SECONDS - start < READY_TIMEOUT_S)) || die "the Solr peer was not READY within ${READY_TIMEOUT_S}s"
    sleep 0.2
  done
  ready_ms=$((($(date +%s%N) - t0) / 1000000))
  sed 's/^/  | /' "$p-run.out"
  rss_ready="$(rss_mb "$pid")"
  idx="$(dir_mb "$PEER_DIR/target/run-$SOLR_PORT/portal/data/index" 2>/dev/null || echo '?')"
  echo "solr: pid=$pid java=$(java_of "$pid") launch_to_ready_ms=$ready_ms rss_mb=$rss_ready index_mb=$idx"
  local numdocs
  numdocs="$(awk '/^READY / {print $3; exit}' "$p-run.out")"
  [[ "$numdocs" == "$N" ]] || echo "WARNING: Solr holds $numdocs docs, expected $N"
  bench_server "Solr (caches=$mode)" "$SOLR_PORT" "$pid" render_solr.py "$p-bench.log" || status=failed
  stop_pid "$pid" "Solr peer"
  local load_ms commit_ms
  load_ms="$(kv "$p-run.out" 'LOADED ' load_ms)"; commit_ms="$(kv "$p-run.out" 'LOADED ' commit_ms)"
  echo "system=solr-caches_$mode run=$r status=$status ingest_rps=$(kv "$p-run.out" 'LOADED ' docs_per_s) ingest_wall_s=$(awk -v a="$load_ms" -v b="$commit_ms" 'BEGIN {printf "%.2f", (a + b) / 1000}') index_mb=$idx ready_ms=$ready_ms rss_ready_mb=$rss_ready busy_before=$busy $(bench_fields "$p-bench.log")" >> "$ROWS"
}

for ((r = 1; r <= RUNS; r++)); do
  run_portal "$r"
  for mode in $CACHES; do run_solr "$r" "$mode"; done
done

echo
run python3 "$BENCH_DIR/lib/compare_table.py" "$ROWS" --records "$N" --duration "$DURATION" | tee "$OUT/summary.txt"
echo "# raw logs: $OUT"

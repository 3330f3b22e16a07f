# Shared helpers of the bench scripts (sourced, not run). Bash only.
# shellcheck disable=SC2034  # variables are used by the scripts that source this file
#
# Paths: BENCH_DIR (this kit), ROOT (the repository), SOLR_PEER (the read-only Solr peer,
# default ../shared/peers/solr next to the repository), PEER_DIR (its writable, git-ignored copy),
# DATA_DIR (generated records, corpora and indexes, git-ignored), RESULTS_DIR (logs).

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
SOLR_PEER="${SOLR_PEER:-$ROOT/../shared/peers/solr}"
[[ -d "$SOLR_PEER" ]] && SOLR_PEER="$(cd "$SOLR_PEER" && pwd)"
PEER_DIR="$BENCH_DIR/.solr-peer"
DATA_DIR="$BENCH_DIR/data"
RESULTS_DIR="$BENCH_DIR/results"
PORTAL="$ROOT/portal"
TCK="$(getconf CLK_TCK)"
HOST=127.0.0.1

die() { echo "ERROR: $*" >&2; exit 1; }
note() { echo "# $*"; }

# Prints a command (shell-quoted, prefixed with "+") and runs it.
run() {
  echo "+ $(printf '%q ' "$@")"
  "$@"
}

# Prints a command that is about to be started in the background (the caller starts it).
show() { echo "+ $(printf '%q ' "$@") &"; }

is_count() { [[ "$1" =~ ^[1-9][0-9]*$ ]]; }

# ---- processes this script started: stopped on exit, by PID -------------------------------------
BG_PIDS=()
declare -A BG_NAMES=()
track() { BG_PIDS+=("$1"); BG_NAMES[$1]="${2:-process}"; }

alive() {  # running and not a zombie
  local st
  st="$(ps -o stat= -p "$1" 2>/dev/null || true)"
  [[ -n "$st" && "$st" != Z* ]]
}

# stop_pid PID [NAME]: SIGTERM, wait up to STOP_TIMEOUT_S (30) for the exit, then SIGKILL.
stop_pid() {
  local pid="$1" name="${2:-${BG_NAMES[$1]:-process}}" i
  [[ -n "$pid" ]] || return 0
  if alive "$pid"; then
    echo "+ kill $pid   # stop $name"
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < ${STOP_TIMEOUT_S:-30} * 4; i++)); do
      alive "$pid" || break
      sleep 0.25
    done
    if alive "$pid"; then
      echo "+ kill -9 $pid   # $name did not exit within ${STOP_TIMEOUT_S:-30}s"
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
  local keep=() p
  for p in "${BG_PIDS[@]}"; do [[ "$p" == "$pid" ]] || keep+=("$p"); done
  BG_PIDS=("${keep[@]}")
}

cleanup() {
  local i
  for ((i = ${#BG_PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${BG_PIDS[$i]}"; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_free() { [[ -z "$(ss -ltnH "sport = :$1" 2>/dev/null)" ]]; }
require_free_port() { port_free "$1" || die "port $1 is already in use (set ${2:-the port variable} to another one)"; }

# ---- /proc readings -----------------------------------------------------------------------------
rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }
hwm_mb() { awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }
host_busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
dir_mb() { du -sk "$1" | awk '{printf "%.1f", $1 / 1024}'; }

# wait_quiet LABEL: waits (at most QUIET_MAX_S, default 120 s) until the processes running on the
# machine use less than QUIET_CORES (default 0.3) cores over 2 s, from /proc/stat. Call it when
# nothing of this kit is running. Sets QUIET_BUSY (cores), QUIET_WAITED (s), QUIET_OK (yes/no).
wait_quiet() {
  local label="$1" max="${QUIET_MAX_S:-120}" thr="${QUIET_CORES:-0.3}" start=$SECONDS a b
  while :; do
    a=$(host_busy_ticks); sleep 2; b=$(host_busy_ticks)
    QUIET_BUSY=$(awk -v a="$a" -v b="$b" -v t="$TCK" 'BEGIN {printf "%.2f", (b - a) / t / 2}')
    QUIET_WAITED=$((SECONDS - start))
    if awk -v x="$QUIET_BUSY" -v y="$thr" 'BEGIN {exit !(x < y)}'; then QUIET_OK=yes; break; fi
    if ((QUIET_WAITED >= max)); then QUIET_OK=no; break; fi
    sleep 3
  done
  echo "quiet-check before $label: other processes used $QUIET_BUSY cores (threshold $thr; waited ${QUIET_WAITED}s of max ${max}s; quiet=$QUIET_OK; loadavg $(cut -d' ' -f1-3 /proc/loadavg))"
}

# ---- the Solr peer: copy the read-only folder to bench/.solr-peer and build it there -------------
peer_sync() {
  [[ -f "$SOLR_PEER/gen.py" && -f "$SOLR_PEER/run.sh" && -f "$SOLR_PEER/bench.sh" && -f "$SOLR_PEER/bench/render_portal.py" ]] \
    || die "SOLR_PEER=$SOLR_PEER does not look like the Solr peer (gen.py, run.sh, bench.sh, bench/render_portal.py)"
  mkdir -p "$PEER_DIR"
  chmod -R u+w "$PEER_DIR"
  # Refresh everything but the build output (target/) and the peer's own data/results folders;
  # cp -a keeps the modification times, so run.sh rebuilds only when the peer's sources changed.
  local e name
  for e in "$PEER_DIR"/* "$PEER_DIR"/.[!.]*; do
    [[ -e "$e" ]] || continue
    name="$(basename "$e")"
    case "$name" in target | data | results) ;; *) rm -rf "$e" ;; esac
  done
  for e in "$SOLR_PEER"/* "$SOLR_PEER"/.[!.]*; do
    [[ -e "$e" ]] || continue
    name="$(basename "$e")"
    case "$name" in target | data | results) ;; *) cp -a "$e" "$PEER_DIR/" ;; esac
  done
  chmod -R u+w "$PEER_DIR"
  PEER_FINGERPRINT="$(cd "$SOLR_PEER" && find . -type f ! -path './results/*' ! -path './target/*' ! -path './data/*' -print0 \
    | sort -z | xargs -0 md5sum | md5sum | cut -c1-12)"
  echo "# Solr peer: $SOLR_PEER -> $PEER_DIR (content md5 $PEER_FINGERPRINT)"
}

peer_build() {
  (cd "$PEER_DIR" && run ./run.sh --build-only)
}

# Builds target/portal.jar if the sources are newer (the launcher does it), outside any timing.
# Also times a second `portal --version` (launcher looking for a JDK + JVM start + picocli):
# the fixed cost inside every whole-process ingest figure. Sets PORTAL_STARTUP_S.
portal_build() {
  run "$PORTAL" --version
  local t0 t1
  t0=$(date +%s%N)
  "$PORTAL" --version > /dev/null
  t1=$(date +%s%N)
  PORTAL_STARTUP_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b - a) / 1e9}')
  echo "# portal --version takes ${PORTAL_STARTUP_S}s (launcher + JVM start), part of every whole-process ingest time"
}

# "PORTAL_JAVA_OPTS=... " when it is set, to print in front of a portal command.
envp() { [[ -n "${PORTAL_JAVA_OPTS:-}" ]] && printf 'PORTAL_JAVA_OPTS=%q ' "$PORTAL_JAVA_OPTS"; true; }

# ---- the portal ---------------------------------------------------------------------------------
# portal_ingest CORPUS INDEX LOG: runs `portal ingest` as one whole process and measures it.
# Sets ING_WALL_S, ING_RECORDS, ING_RPS, ING_INDEX_MB, ING_PEAK_RSS_MB, ING_INTERNAL_S, ING_RSS_HOW.
portal_ingest() {
  local corpus="$1" index="$2" log="$3" t0 t1 rc=0 timef
  timef="$(mktemp -t portal-ingest-time.XXXXXX)"
  if [[ -x /usr/bin/time && "${INGEST_RSS_BY:-time}" != proc ]]; then
    ING_RSS_HOW="/usr/bin/time -v"
    echo "+ $(envp)$(printf '%q ' /usr/bin/time -v -o "$timef" "$PORTAL" ingest --corpus "$corpus" --index "$index")"
    t0=$(date +%s%N)
    /usr/bin/time -v -o "$timef" "$PORTAL" ingest --corpus "$corpus" --index "$index" > "$log" 2>&1 || rc=$?
    t1=$(date +%s%N)
    ING_PEAK_RSS_MB=$(awk -F: '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$timef")
  else
    ING_RSS_HOW="VmHWM polled from /proc every 50 ms"
    echo "+ $(envp)$(printf '%q ' "$PORTAL" ingest --corpus "$corpus" --index "$index")"
    local pid hwm=0 h
    t0=$(date +%s%N)
    "$PORTAL" ingest --corpus "$corpus" --index "$index" > "$log" 2>&1 &
    pid=$!
    track "$pid" "portal ingest"
    while alive "$pid"; do
      h=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [[ -n "$h" ]] && ((h > hwm)) && hwm=$h
      sleep 0.05
    done
    wait "$pid" || rc=$?
    t1=$(date +%s%N)
    stop_pid "$pid"
    ING_PEAK_RSS_MB=$((hwm / 1024))
  fi
  rm -f "$timef"
  sed 's/^/  | /' "$log"
  ((rc == 0)) || die "portal ingest failed (exit $rc), see $log"
  ING_WALL_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b - a) / 1e9}')
  ING_RECORDS=$(sed -n 's/^Index: \([0-9][0-9]*\) records.*/\1/p' "$log" | tail -1)
  ING_INTERNAL_S=$(sed -n 's/^Ingest finished in \([0-9.]*\) s.*/\1/p' "$log" | tail -1)
  [[ -n "$ING_RECORDS" ]] || die "no 'Index: N records' line in $log"
  ING_RPS=$(awk -v n="$ING_RECORDS" -v s="$ING_WALL_S" 'BEGIN {printf "%.0f", n / s}')
  ING_INDEX_MB=$(dir_mb "$index")
  echo "INGEST records=$ING_RECORDS wall_s=$ING_WALL_S records_per_s=$ING_RPS portal_reported_s=${ING_INTERNAL_S:-?} index_mb=$ING_INDEX_MB peak_rss_mb=$ING_PEAK_RSS_MB (whole process: launcher, JVM start, parse, index, commit; peak RSS by $ING_RSS_HOW)"
}

# portal_serve PORT INDEX CORPUS LOG [SERVE OPTIONS...]: starts `portal serve` in the background;
# sets SERVE_PID.
portal_serve() {
  local port="$1" index="$2" corpus="$3" log="$4"
  shift 4
  require_free_port "$port" PORTAL_PORT
  echo "+ $(envp)$(printf '%q ' "$PORTAL" serve --port "$port" --host "$HOST" --index "$index" --corpus "$corpus" "$@")> $log 2>&1 &"
  "$PORTAL" serve --port "$port" --host "$HOST" --index "$index" --corpus "$corpus" "$@" > "$log" 2>&1 &
  SERVE_PID=$!
  track "$SERVE_PID" "portal serve"
}

# wait_health PORT PID [EXPECTED_RECORDS] [TIMEOUT_S=300]: until /api/health answers ok (with that
# many records, if given). Sets HEALTH_WAIT_S and HEALTH_RECORDS.
wait_health() {
  local port="$1" pid="$2" want="${3:-}" timeout="${4:-300}" start=$SECONDS body rec
  echo "+ curl -s http://$HOST:$port/api/health   # polled until ok${want:+ with $want records}"
  while :; do
    alive "$pid" || die "the server (pid $pid) exited before it was healthy"
    body="$(curl -s --max-time 2 "http://$HOST:$port/api/health" 2>/dev/null || true)"
    if [[ "$body" == *'"ok"'* ]]; then
      rec="$(sed -n 's/.*"records": *\([0-9]*\).*/\1/p' <<< "$body")"
      if [[ -z "$want" || "$rec" == "$want" ]]; then
        HEALTH_RECORDS="$rec"
        HEALTH_WAIT_S=$((SECONDS - start))
        echo "healthy after ${HEALTH_WAIT_S}s: $body"
        return 0
      fi
    fi
    ((SECONDS - start < timeout)) || die "no healthy answer${want:+ with $want records} from port $port within ${timeout}s (last: ${body:-none})"
    sleep 0.2
  done
}

java_of() { readlink "/proc/$1/exe" 2>/dev/null || echo "?"; }

# kv FILE PREFIX KEY: value of KEY=... on the first line of FILE starting with PREFIX.
kv() {
  awk -v p="$2" -v k="$3" 'index($0, p) == 1 {
      for (i = 1; i <= NF; i++) if (index($i, k "=") == 1) { print substr($i, length(k) + 2); exit } }' "$1"
}

# log_to FILE: from now on, everything this script prints also goes to FILE. The tee ignores
# SIGINT/SIGTERM so that after a Ctrl-C it still carries the output of the cleanup (a dead tee
# would kill the script with SIGPIPE before it stops its servers).
log_to() {
  exec > >(trap '' INT TERM; exec tee "$1") 2>&1
}

log_header() {
  echo "# $(date -u +%FT%TZ) $*"
  echo "# host: $(nproc) cores, $(free -m | awk '/^Mem:/ {printf "%.1f GiB RAM", $2 / 1024}'), $(uname -r); repo $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') ($(git -C "$ROOT" rev-parse --abbrev-ref HEAD 2>/dev/null || echo '?'))"
}

[[ -n "${PORTAL_JAVA_OPTS:-}" ]] && export PORTAL_JAVA_OPTS
true

#!/usr/bin/env bash
# Portal ingest of N synthetic records into a fresh index, measured as one whole process.
#   bench/ingest.sh N
# Generates the records if needed (bench/data.sh N), deletes bench/data/index-N, then runs
#   portal ingest --corpus bench/data/corpus-N --index bench/data/index-N
# and prints wall time, records/s (whole process: launcher, JVM start, parse, index, commit),
# the time the portal reports itself, index size (du) and peak RSS of the ingest process
# (/usr/bin/time -v, else VmHWM polled from /proc). The jar is built first, outside the timing.
# Env: PORTAL_JAVA_OPTS (JVM options for the portal), QUIET_MAX_S=120, QUIET_CORES=0.3,
#      INGEST_RSS_BY=proc (poll /proc instead of /usr/bin/time -v),
#      LOG=path (default bench/results/ingest-N-<time>.log)
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

if [[ $# -ne 1 ]] || ! is_count "$1"; then
  echo "usage: $0 N      (N = number of records, e.g. 10000)" >&2
  exit 2
fi
N="$1"
mkdir -p "$RESULTS_DIR"
LOG="${LOG:-$RESULTS_DIR/ingest-$N-$(date -u +%Y%m%dT%H%M%SZ).log}"
log_to "$LOG"

log_header "bench/ingest.sh N=$N PORTAL_JAVA_OPTS=${PORTAL_JAVA_OPTS:-}"
"$BENCH_DIR/data.sh" "$N"
portal_build
INDEX="$DATA_DIR/index-$N"
run rm -rf "$INDEX"
wait_quiet "portal ingest"
portal_ingest "$DATA_DIR/corpus-$N" "$INDEX" "$DATA_DIR/ingest-$N.out"
[[ "$ING_RECORDS" == "$N" ]] || echo "WARNING: the index holds $ING_RECORDS records, expected $N"
echo "# log: $LOG"

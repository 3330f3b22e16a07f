#!/usr/bin/env bash
# Synthetic records for the benchmarks, made by the Solr peer's deterministic generator.
#   bench/data.sh N
# Writes bench/data/synthetic-N.jsonl (python3 gen.py N, seed 42: the same records every time)
# and bench/data/corpus-N/ holding just that file (hard link, or a copy across file systems),
# a corpus folder the portal can ingest. An existing complete file is reused.
# Env: SOLR_PEER (default ../shared/peers/solr next to the repository)
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

if [[ $# -ne 1 ]] || ! is_count "$1"; then
  echo "usage: $0 N      (N = number of records, e.g. 10000, 100000, 1000000)" >&2
  exit 2
fi
N="$1"
peer_sync
mkdir -p "$DATA_DIR"
DATA="$DATA_DIR/synthetic-$N.jsonl"
CORPUS="$DATA_DIR/corpus-$N"

if [[ -s "$DATA" && "$(wc -l < "$DATA")" -eq "$N" ]]; then
  echo "# reusing $DATA ($N lines)"
else
  run python3 "$PEER_DIR/gen.py" "$N" "$DATA.part"
  run mv "$DATA.part" "$DATA"
fi
[[ "$(wc -l < "$DATA")" -eq "$N" ]] || die "$DATA does not have $N lines"

mkdir -p "$CORPUS"
find "$CORPUS" -mindepth 1 -maxdepth 1 ! -name "synthetic-$N.jsonl" -exec rm -rf {} +
if [[ ! "$CORPUS/synthetic-$N.jsonl" -ef "$DATA" ]]; then
  rm -f "$CORPUS/synthetic-$N.jsonl"
  run ln "$DATA" "$CORPUS/synthetic-$N.jsonl" 2>/dev/null || run cp -p "$DATA" "$CORPUS/synthetic-$N.jsonl"
fi
echo "DATA file=$DATA records=$N size_mb=$(dir_mb "$DATA") md5=$(md5sum "$DATA" | cut -c1-12) corpus=$CORPUS"

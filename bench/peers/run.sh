#!/usr/bin/env bash
# Reproduces the side-by-side table of issue 14 / PEERS.md ("Re-measured 2026-11-29") for Encore:
# every fit in a fresh process (so runtime start-up, JIT and data loading count), rows interleaved,
# medians of RUNS repeats, next to implicit 0.7.3's published figures from ../shared/PEERS.md.
# implicit itself is not run here (not installed on this machine): its column is PEERS.md's.
#
# usage: bench/peers/run.sh [RUNS=5] > bench/results/peers-side-by-side.md
# env:   ENCORE   the encore executable (default: the Release build of src/Encore.Cli; `encore` on the PATH after
#                 the README's dotnet tool install works too: ENCORE=$(command -v encore))
#                 Native AOT encore-fit works as well: ENCORE=/tmp/encore-fit/encore-fit (docs/fit-aot.md)
#        SHARED   folder holding benchmarks/ (default: ../shared next to the repository)
#        ONLY     extended regex on the row names, e.g. ONLY=HetRec or ONLY='HetRec (ALS|BPR)' (default: all rows)
# Also prints the GEMM peak and ALS's share of it (encore bench gemm --als <HetRec split>) below the table.
set -euo pipefail
RUNS=${1:-5}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ENCORE=${ENCORE:-$ROOT/src/Encore.Cli/bin/Release/net10.0/encore}
SHARED=${SHARED:-$ROOT/../shared}
HETREC=$SHARED/benchmarks/hetrec-split-seed42
SYNTH=$SHARED/benchmarks/synth-50k-20k-2m
[ -x "$ENCORE" ] || { echo "build first: dotnet build src/Encore.Cli -c Release (or set ENCORE)" >&2; exit 1; }
[ -d "$HETREC" ] || { echo "missing $HETREC (set SHARED)" >&2; exit 1; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

# name | split | model arguments | implicit fit s (PEERS.md re-measured, median)
ROWS=(
  "HetRec ALS 64 f, 15 it|$HETREC|--model als --set factors=64 --set iterations=15|0.76"
  "HetRec item-kNN K=100 binary|$HETREC|--model item-knn --set neighbours=100 --set shrink=0 --binary|0.19"
  "HetRec BPR 64 f, 100 it|$HETREC|--model bpr --set factors=64 --set iterations=100|0.94"
  "synthetic ALS 64 f, 15 it|$SYNTH|--model als --set factors=64 --set iterations=15|5.27"
  "synthetic item-kNN K=100 binary|$SYNTH|--model item-knn --set neighbours=100 --set shrink=0 --binary|1.17"
  "synthetic BPR 64 f, 100 it|$SYNTH|--model bpr --set factors=64 --set iterations=100|21.9"
)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq 1 "$RUNS"); do
  for i in "${!ROWS[@]}"; do
    IFS='|' read -r name split args peer <<<"${ROWS[$i]}"
    [ -d "$split" ] || continue
    [[ -z "${ONLY:-}" || "$name" =~ $ONLY ]] || continue
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" "$ENCORE" bench fit "$split" $args > "$TMP/line"
    echo "$(cat "$TMP/line") $(cat "$TMP/time")" >> "$TMP/row$i"
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "# Encore vs implicit 0.7.3, whole-process fits (bench/peers/run.sh)"
echo
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load average (1/5/15 min) before $LOAD_BEFORE, after $LOAD_AFTER."
echo "Encore: $ENCORE; $RUNS fresh processes per row, rows interleaved; medians."
echo "implicit: PEERS.md 'Re-measured 2026-11-29' medians (fit call only, quiet machine); not re-run here."
echo
echo "| row | implicit fit s | Encore process wall s | process wall / implicit | Encore fit wall s | Encore fit CPU s | Encore process CPU s (user+sys) | fit CPU / 2 (idle-core estimate) / implicit | max RSS MiB |"
echo "|---|---|---|---|---|---|---|---|---|"
for i in "${!ROWS[@]}"; do
  IFS='|' read -r name split args peer <<<"${ROWS[$i]}"
  [ -f "$TMP/row$i" ] || continue
  # line: model pairs load fit fitcpu process processcpu fitpeak ndcg p10 | elapsed user sys maxrss
  fit=$(awk '{print $4}' "$TMP/row$i" | median)
  fitcpu=$(awk '{print $5}' "$TMP/row$i" | median)
  wall=$(awk '{print $11}' "$TMP/row$i" | median)
  cpu=$(awk '{print $12 + $13}' "$TMP/row$i" | median)
  rss=$(awk '{print $14 / 1024}' "$TMP/row$i" | median)
  ratio=$(awk -v c="$fitcpu" -v p="$peer" 'BEGIN {printf "%.2f", c / 2 / p}')
  wratio=$(awk -v c="$wall" -v p="$peer" 'BEGIN {printf "%.2f", c / p}')
  printf '| %s | %s | %.2f | %s | %.2f | %.2f | %.2f | %s | %.0f |\n' "$name" "$peer" "$wall" "$wratio" "$fit" "$fitcpu" "$cpu" "$ratio" "$rss"
done
echo
echo "The issue's target: process wall / implicit <= 0.6 on a quiet machine (load average below 1)."
echo
if [[ "$(basename "$ENCORE")" == encore-fit* ]]; then
  echo "($ENCORE only fits: run \`encore bench gemm --als $HETREC\` for the GEMM peak and ALS's share of it.)"
else
  echo '```'
  "$ENCORE" bench gemm --als "$HETREC" 2>&1
  echo '```'
fi

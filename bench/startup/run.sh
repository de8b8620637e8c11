#!/usr/bin/env bash
# Start-up cost of the encore executable under different builds / runtime settings (issue 14, item 1): each
# VARIANT fits HetRec ALS 64 f / 15 it, item-kNN K=100 (binary) and BPR 64 f / 100 it once per fresh process,
# variants and models interleaved, RUNS times; prints medians of process CPU (user + sys, /usr/bin/time), fit CPU,
# process wall and max RSS. CPU seconds barely depend on other processes' load, so this is the figure to compare
# on a shared machine (hardware instruction counters are not available in this VM: perf stat says "not supported").
#
# usage: bench/startup/run.sh RUNS 'label|/path/to/encore|ENV=VALUE ...' ['label|...' ...] > results.md
#   e.g. bench/startup/run.sh 5 "jit, tiering off|src/Encore.Cli/bin/Release/net10.0/encore|" \
#          "ReadyToRun, tiering on|/tmp/r2r/encore|DOTNET_TieredCompilation=1"
# env:   SHARED  folder holding benchmarks/ (default: ../shared next to the repository)
#        MODELS  space-separated subset of: als knn bpr (default: all three)
set -euo pipefail
RUNS=${1:?usage: run.sh RUNS 'label|encore|env' ...}; shift
[ $# -ge 1 ] || { echo "give at least one 'label|encore|env' variant" >&2; exit 1; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
HETREC=$SHARED/benchmarks/hetrec-split-seed42
[ -d "$HETREC" ] || { echo "missing $HETREC (set SHARED)" >&2; exit 1; }
declare -A ARGS=(
  [als]="--model als --set factors=64 --set iterations=15"
  [knn]="--model item-knn --set neighbours=100 --binary"
  [bpr]="--model bpr --set factors=64 --set iterations=100"
)
MODELS=${MODELS:-als knn bpr}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq 1 "$RUNS"); do
  for m in $MODELS; do
    v=0
    for variant in "$@"; do
      IFS='|' read -r label exe envs <<<"$variant"
      # shellcheck disable=SC2086
      env $envs /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" "$exe" bench fit "$HETREC" ${ARGS[$m]} > "$TMP/line"
      echo "$(cat "$TMP/line") $(cat "$TMP/time")" >> "$TMP/$m.$v"
      v=$((v + 1))
    done
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
range() { sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.2f-%.2f", lo, hi}'; }
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load average (1/5/15 min) before $LOAD_BEFORE, after $LOAD_AFTER."
echo "$RUNS fresh processes per cell, variants and models interleaved; medians (range). Split: $HETREC."
echo
echo "| variant | model | process CPU s (user+sys) | fit CPU s | process wall s | max RSS MiB |"
echo "|---|---|---|---|---|---|"
for m in $MODELS; do
  v=0
  for variant in "$@"; do
    IFS='|' read -r label exe envs <<<"$variant"
    f="$TMP/$m.$v"
    # line: model pairs load fit fitcpu process processcpu fitpeak ndcg p10 | elapsed user sys maxrss
    cpu=$(awk '{print $12 + $13}' "$f" | median); cpur=$(awk '{print $12 + $13}' "$f" | range)
    fitcpu=$(awk '{print $5}' "$f" | median); fitr=$(awk '{print $5}' "$f" | range)
    wall=$(awk '{print $11}' "$f" | median)
    rss=$(awk '{print $14 / 1024}' "$f" | median)
    printf '| %s | %s | %.2f (%s) | %.2f (%s) | %.2f | %.0f |\n' "$label${envs:+ ($envs)}" "$m" "$cpu" "$cpur" "$fitcpu" "$fitr" "$wall" "$rss"
    v=$((v + 1))
  done
done

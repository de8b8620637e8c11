#!/usr/bin/env bash
# Where the time of one `encore bench fit` process goes (issue 14, session 7): runs `bench fit ... --phases` RUNS
# times per variant (fresh processes, variants interleaved) and prints, per phase, the median wall and CPU seconds,
# then the whole process from outside (/usr/bin/time: wall, user + sys CPU, max RSS). "exit" is the outside wall
# minus the phases the process timed itself (runtime shutdown). CPU seconds barely depend on other processes'
# load, so compare those on a shared machine.
#
# usage: bench/startup/phases.sh RUNS SPLIT 'model arguments' 'label|/path/to/encore|ENV=VALUE ...' ['label|...' ...]
#   e.g. bench/startup/phases.sh 5 ../shared/benchmarks/synth-50k-20k-2m '--model item-knn --set neighbours=100 --binary' \
#          "session 7|/tmp/enc-p-after/encore|"
# Every variant must support --phases (built from session 7 or later).
set -euo pipefail
RUNS=${1:?usage: phases.sh RUNS SPLIT 'model arguments' 'label|encore|env' ...}; SPLIT=${2:?split folder}; ARGS=${3:?model arguments}; shift 3
[ $# -ge 1 ] || { echo "give at least one 'label|encore|env' variant" >&2; exit 1; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq 1 "$RUNS"); do
  v=0
  for variant in "$@"; do
    IFS='|' read -r label exe envs <<<"$variant"
    # shellcheck disable=SC2086
    env $envs /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" "$exe" bench fit "$SPLIT" $ARGS --phases > "$TMP/line" 2> "$TMP/err"
    grep '^phase' "$TMP/err" | cut -f2- >> "$TMP/phases.$v"
    read -r wall user sys rss < "$TMP/time"
    total=$(grep -P '^phase\ttotal to here\t' "$TMP/err" | cut -f3)
    printf 'process (outside)\t%s\t%s\n' "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')" >> "$TMP/phases.$v"
    printf 'exit (outside - inside)\t%s\t-\n' "$(awk -v w="$wall" -v t="$total" 'BEGIN {print w - t}')" >> "$TMP/phases.$v"
    printf 'max RSS MiB\t%s\t-\n' "$(awk -v m="$rss" 'BEGIN {printf "%.0f", m / 1024}')" >> "$TMP/phases.$v"
    grep '^assemblies' "$TMP/err" | cut -f2,3 > "$TMP/assemblies.$v"
    v=$((v + 1))
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load average (1/5/15 min) before $LOAD_BEFORE, after $LOAD_AFTER."
echo "\`encore bench fit $SPLIT $ARGS --phases\`, $RUNS fresh processes per variant, interleaved; medians (wall s / CPU s)."
echo
header="| phase |"; rule="|---|"
for variant in "$@"; do IFS='|' read -r label _ envs <<<"$variant"; header="$header $label${envs:+ ($envs)} |"; rule="$rule---|"; done
echo "$header"; echo "$rule"
cut -f1 "$TMP/phases.0" | awk '!seen[$0]++' | while IFS= read -r phase; do
  row="| $phase |"
  for v in $(seq 0 $(($# - 1))); do
    w=$(awk -F'\t' -v p="$phase" '$1 == p {print $2}' "$TMP/phases.$v" | median)
    c=$(awk -F'\t' -v p="$phase" '$1 == p && $3 != "-" {print $3}' "$TMP/phases.$v" | median)
    if [ "$c" = "-" ]; then row="$row $w |"; else row="$row $(printf '%.3f / %.3f' "$w" "$c") |"; fi
  done
  echo "$row"
done
echo
v=0
for variant in "$@"; do IFS='|' read -r label _ _ <<<"$variant"; echo "Assemblies loaded by '$label' (count, names): $(cat "$TMP/assemblies.$v")"; v=$((v + 1)); done

#!/usr/bin/env bash
# Service throughput and latency on loopback, four ways, with wrk (Debian package):
#   sqlite     one process, SQLite store
#   postgres   one process, PostgreSQL store
#   cluster-1  one Orleans silo (PostgreSQL store and membership)
#   cluster-3  three Orleans silos on this machine, load spread evenly over them (one wrk per silo)
# Two workloads each: GET /api/users/{random user}/recommendations?k=10 (bench/wrk/users.lua) and
# POST /api/events, one play event per request (bench/cluster/events.lua).
#
# Usage: ENCORE_BENCH_POSTGRES=postgres://encore@127.0.0.1:55400/encore_test bench/cluster/run.sh [seconds] [connections] [repeats] [configs...]
# Needs Release builds of src/Encore.Server and bench/Encore.Bench.Service (the ALS model of bench/results/service.md:
# 20,000 users x 100,000 tracks, 64 factors, made once into /tmp/encore-bench-service). Each configuration gets a
# PostgreSQL schema of its own (dropped afterwards). wrk waits up to 10 s per request (slower ones count as timeout
# errors, not latencies). Prints markdown rows; the machine's load average is in every row.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUN_SECONDS=${1:-15}
CONNECTIONS=${2:-24}
REPEATS=${3:-2}
shift $(( $# < 3 ? $# : 3 ))
CONFIGS=("${@:-sqlite postgres cluster-1 cluster-3}")
CONFIGS=(${CONFIGS[*]})
PG=${ENCORE_BENCH_POSTGRES:?set ENCORE_BENCH_POSTGRES to a postgres:// URI of a database the benchmark may create schemas in}
PSQL=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)/psql
SERVER=$ROOT/src/Encore.Server/bin/Release/net10.0/Encore.Server.dll
BENCH=$ROOT/bench/Encore.Bench.Service/bin/Release/net10.0/Encore.Bench.Service.dll
for f in "$SERVER" "$BENCH"; do [ -f "$f" ] || { echo "missing $f: dotnet build -c Release first" >&2; exit 1; }; done
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/encore-bench-cluster.XXXXXX)
PIDS=()
SCHEMAS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  for s in "${SCHEMAS[@]}"; do "$PSQL" -q "$PG" -c "DROP SCHEMA IF EXISTS $s CASCADE;" >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

MODEL=$(dotnet "$BENCH" prepare | tail -1)
dotnet "$BENCH" users > "$WORK/users.txt"
cp "$ROOT/bench/wrk/users.lua" "$ROOT/bench/cluster/events.lua" "$WORK/"
export ENCORE_BENCH_KEY=encore-bench-write-key

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# start NAME HTTP_PORT STORE CLUSTER_DB(or "") SILO_PORT MODEL(or "")
start() {
  local name=$1 port=$2 store=$3 cluster=$4 silo=$5 model=$6
  mkdir -p "$WORK/$name"
  local extra=()
  [ -n "$model" ] && extra=(--model "$model")
  (
    cd "$WORK/$name"
    export ENCORE_STORE__PATH=$store ENCORE_MODELS__DIRECTORY=$WORK/$name/models ENCORE_RATE_LIMIT__ENABLED=false \
      ENCORE_LOGGING__LOG_LEVEL__DEFAULT=Warning ENCORE_SERVER__JSON_LOGS=false ENCORE_SECURITY__API_KEYS__0=$ENCORE_BENCH_KEY
    if [ -n "$cluster" ]; then
      export ENCORE_CLUSTER__MEMBERSHIP=$cluster ENCORE_CLUSTER__CLUSTER_ID=$CLUSTER_ID ENCORE_CLUSTER__SILO_PORT=$silo
    fi
    exec dotnet "$SERVER" --urls "http://127.0.0.1:$port" "${extra[@]}"
  ) > "$WORK/$name.log" 2>&1 &
  PIDS+=($!)
}

wait_ready() {
  local port=$1
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "server on :$port not ready after 300 s" >&2; cat "$WORK"/*.log >&2; exit 1
}

to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); print v } else if (v ~ /s$/) { sub(/s$/,"",v); print v*1000 } else print v }'; }

# load WORKLOAD SECONDS TAG PORTS...: one wrk per port, connections split evenly; prints "req/s p50 p99 errors"
load() {
  local workload=$1 seconds=$2 tag=$3; shift 3
  local ports=("$@") n=$# i=0 outs=() wpids=()
  local per=$(( CONNECTIONS / n )) threads=$(( n == 1 ? 2 : 1 ))
  local script=users.lua; [ "$workload" = post ] && script=events.lua
  for port in "${ports[@]}"; do
    outs+=("$WORK/wrk-$tag-$i.txt")
    (cd "$WORK" && wrk -t"$threads" -c"$per" -d"${seconds}s" --timeout 10s --latency -s "$script" "http://127.0.0.1:$port" -- "$tag-$i") > "${outs[$i]}" 2>&1 &
    wpids+=($!)
    i=$((i + 1))
  done
  wait "${wpids[@]}"
  local rps=0 p50=0 p99=0 errors=0
  for out in "${outs[@]}"; do
    rps=$(awk -v a="$rps" '/^Requests\/sec/ { print a + $2 }' "$out")
    p50=$(awk '$1 == "50%" { print $2 }' "$out" | to_ms | awk -v a="$p50" '{ print ($1 > a ? $1 : a) }')
    p99=$(awk '$1 == "99%" { print $2 }' "$out" | to_ms | awk -v a="$p99" '{ print ($1 > a ? $1 : a) }')
    errors=$(( errors + $(awk '/Non-2xx or 3xx responses/ { n += $NF } /Socket errors/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out") ))
  done
  printf '%.0f %s %s %d\n' "$rps" "$p50" "$p99" "$errors"
}

echo "| configuration | workload | connections | seconds | req/s | p50 ms | p99 ms | non-2xx / socket errors | load average (1 min) |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
for config in "${CONFIGS[@]}"; do
  schema=b_$$_${RANDOM}_$(date +%s)
  CLUSTER_ID=bench-$schema
  PORTS=()
  case $config in
    sqlite)
      PORTS=($(free_port)); start sqlite "${PORTS[0]}" "$WORK/sqlite/encore.db" "" 0 "$MODEL" ;;
    postgres|cluster-1|cluster-3)
      "$PSQL" -q "$PG" -c "CREATE SCHEMA $schema;" >/dev/null; SCHEMAS+=("$schema")
      db="$PG?search_path=$schema"
      case $config in
        postgres) PORTS=($(free_port)); start postgres "${PORTS[0]}" "$db" "" 0 "$MODEL" ;;
        cluster-1) PORTS=($(free_port)); start silo0 "${PORTS[0]}" "$db" "$db" "$(free_port)" "$MODEL" ;;
        cluster-3)
          PORTS=($(free_port) $(free_port) $(free_port))
          start silo0 "${PORTS[0]}" "$db" "$db" "$(free_port)" "$MODEL"
          wait_ready "${PORTS[0]}"
          start silo1 "${PORTS[1]}" "$db" "$db" "$(free_port)" ""
          start silo2 "${PORTS[2]}" "$db" "$db" "$(free_port)" "" ;;
      esac ;;
    *) echo "unknown configuration $config" >&2; exit 1 ;;
  esac
  for port in "${PORTS[@]}"; do wait_ready "$port"; done
  for workload in get post; do
    load "$workload" 5 "warm-$config-$workload" "${PORTS[@]}" >/dev/null
    for r in $(seq 1 "$REPEATS"); do
      read -r rps p50 p99 errors < <(load "$workload" "$RUN_SECONDS" "$config-$workload-$r" "${PORTS[@]}")
      echo "| $config | $workload | $CONNECTIONS | $RUN_SECONDS | $rps | $p50 | $p99 | $errors | $(cut -d' ' -f1 /proc/loadavg) |"
    done
  done
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
done

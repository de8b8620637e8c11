#!/usr/bin/env bash
# HTTP load test of GET /api/users/{id}/recommendations?k=10 with wrk on loopback: starts `encore serve` with one
# model, runs wrk at each connection count (warm-up, then the measured run), prints one Markdown row per count with
# req/s, p50 / p90 / p99 / p99.9 (wrk's own histogram, via users.lua's done()) and the load average, then stops the
# server, the request batcher's batch-size histogram and the server's memory. The target of issue 14 is p99 < 10 ms at 32 connections on a quiet machine: check `uptime` first.
#
# usage: bench/wrk/run.sh [MODEL.bin USERS.txt] > result.md
#        without arguments: the bench world's ALS model (20,000 users x 100,000 tracks x 64 factors, written by
#        bench/Encore.Bench.Service `prepare`) and its user ids (`users`), the model of bench/results/service.md.
# env:   ENCORE       encore executable (default: the Release build of src/Encore.Cli)
#        PORT         loopback port (default 5099)
#        CONNECTIONS  connection counts (default "8 16 32 64")
#        SECONDS_RUN  measured seconds per count (default 15); WARMUP seconds before each (default 5)
#        THREADS      wrk threads (default 2)
#        RATES        request rates for constant-rate (open-loop) runs after the wrk rows, e.g. "5000 9000": latency is
#                     measured from each request's intended send time (coordinated omission corrected, like wrk2) by
#                     bench/Encore.Bench.Service `rate` (build it first); RATE_CONNECTIONS connections (default 32).
#                     CONNECTIONS="" skips the wrk rows.
#        SERVE_ARGS   extra arguments for encore serve, e.g. "--Serving:BatchRequests false"
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ENCORE=${ENCORE:-$ROOT/src/Encore.Cli/bin/Release/net10.0/encore}
PORT=${PORT:-5099}
CONNECTIONS=${CONNECTIONS-"8 16 32 64"}
SECONDS_RUN=${SECONDS_RUN:-15}
WARMUP=${WARMUP:-5}
THREADS=${THREADS:-2}
command -v wrk > /dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[ -x "$ENCORE" ] || { echo "build first: dotnet build src/Encore.Cli -c Release (or set ENCORE)" >&2; exit 1; }

TMP=$(mktemp -d)
SERVER=
cleanup() {
  if [ -n "$SERVER" ] && kill -0 "$SERVER" 2> /dev/null; then kill "$SERVER"; wait "$SERVER" 2> /dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

if [ $# -ge 2 ]; then
  MODEL=$(realpath "$1"); cp "$2" "$TMP/users.txt"
else
  BENCH="dotnet run -c Release --project $ROOT/bench/Encore.Bench.Service --"
  MODEL=$($BENCH prepare | tail -1)
  $BENCH users > "$TMP/users.txt"
fi
[ -s "$TMP/users.txt" ] || { echo "no user ids" >&2; exit 1; }
cp "$ROOT/bench/wrk/users.lua" "$TMP/"

cd "$TMP"
ENCORE_RATE_LIMIT__ENABLED=false "$ENCORE" serve --urls "http://127.0.0.1:$PORT" --model "main=$MODEL" --store "$TMP/service.db" \
  --Logging:LogLevel:Default Warning --Server:JsonLogs false ${SERVE_ARGS:-} > "$TMP/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" > /dev/null 2>&1 && break
  kill -0 "$SERVER" 2> /dev/null || { cat "$TMP/server.log" >&2; exit 1; }
  sleep 0.2
done
first=$(curl -fs -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT/api/users/$(head -1 users.txt)/recommendations?k=10")

echo "model: $MODEL ($(du -h "$MODEL" | cut -f1)); $(nproc) cores $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "server: $ENCORE serve, rate limit off, logs at Warning ${SERVE_ARGS:-}; first request $(awk -v t="$first" 'BEGIN { printf "%.1f", t * 1000 }') ms"
echo "server memory after warm-up is below the table (VmRSS, RssAnon = private heap, RssFile = mapped files)"
echo
echo "| connections | requests | req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | errors | server CPU ms per request | load average (1 min) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
# Server CPU time (user + system, /proc/PID/stat) per request: unlike latency, it barely depends on other load.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER/stat"; }
TICK=$(getconf CLK_TCK)
for c in $CONNECTIONS; do
  wrk -t "$THREADS" -c "$c" -d "${WARMUP}s" -s users.lua "http://127.0.0.1:$PORT" > /dev/null
  before=$(cpu_ticks)
  line=$(wrk -t "$THREADS" -c "$c" -d "${SECONDS_RUN}s" -s users.lua "http://127.0.0.1:$PORT" | grep '^PCT ')
  ticks=$(( $(cpu_ticks) - before ))
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "$line" | awk -v c="$c" -v load="$load" -v ticks="$ticks" -v tick="$TICK" '{
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "| %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %.3f | %s |\n", c, v["requests"], v["rps"], v["p50"], v["p90"], v["p99"], v["p999"], v["errors"], ticks / tick * 1000 / (v["requests"] > 0 ? v["requests"] : 1), load
  }'
done
echo
if [ -n "${RATES:-}" ]; then
  BENCH_DLL=${BENCH_DLL:-$ROOT/bench/Encore.Bench.Service/bin/Release/net10.0/Encore.Bench.Service.dll}
  [ -f "$BENCH_DLL" ] || { echo "build first: dotnet build bench/Encore.Bench.Service -c Release (or set BENCH_DLL)" >&2; exit 1; }
  echo "Constant rate (open loop; latency from each request's intended send time; ${SECONDS_RUN} s after ${WARMUP} s at the same rate):"
  echo
  header=1
  for r in $RATES; do
    dotnet "$BENCH_DLL" rate "http://127.0.0.1:$PORT" users.txt "$r" "$SECONDS_RUN" "${RATE_CONNECTIONS:-32}" "$WARMUP" "$header"
    header=0
  done
  echo
fi
# The request batcher's batch sizes over every run above (warm-ups included): cumulative buckets from /metrics.
curl -fs "http://127.0.0.1:$PORT/metrics" | awk '
  /^encore_serving_batch_size_bucket/ { match($0, /le="[^"]*"/); le = substr($0, RSTART + 4, RLENGTH - 5); b = b sprintf(" <=%s: %s;", le, $2) }
  /^encore_serving_batch_size_sum/ { sum = $2 } /^encore_serving_batch_size_count/ { count = $2 }
  END { if (count > 0) printf "batcher: %d scoring calls, %.2f requests per call on average; cumulative calls by size:%s\n", count, sum / count, b
        else print "batcher: no batch-size histogram on /metrics (batching off, or an older server)" }'
grep -E '^(VmRSS|RssAnon|RssFile):' "/proc/$SERVER/status" | tr -s ' ' | paste -sd ';' | sed 's/;/; /g'
echo "uptime: $(uptime)"

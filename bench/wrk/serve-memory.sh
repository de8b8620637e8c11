#!/usr/bin/env bash
# Memory of `encore serve` with one model: /proc status and smaps_rollup once ready and after one request each for
# users 2..300 (HetRec user ids), plus the first and second request latency (bench/results/serving-mmap.md).
# usage: bench/wrk/serve-memory.sh ENCORE MODEL PORT   (e.g. src/Encore.Cli/bin/Release/net10.0/encore /tmp/ease-dense.bin 5192)
set -u
ENCORE=$1; MODEL=$2; PORT=$3
D=$(mktemp -d)
cd $D
start=$(date +%s.%N)
ENCORE_RATE_LIMIT__ENABLED=false $ENCORE serve --urls http://127.0.0.1:$PORT --model main=$MODEL --store $D/s.db --Logging:LogLevel:Default Warning > $D/log 2>&1 &
S=$!
for i in $(seq 1 1200); do curl -fs http://127.0.0.1:$PORT/health/ready >/dev/null 2>&1 && break; sleep 0.1; done
ready=$(date +%s.%N)
mem() { echo "$1: $(grep -E '^(VmRSS|RssAnon|RssFile|VmHWM):' /proc/$S/status | tr -s ' ' | paste -sd ' ') | $(grep -E '^(Pss|Private_Clean|Private_Dirty):' /proc/$S/smaps_rollup | tr -s ' ' | paste -sd ' ')"; }
mem "after start"
f=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$PORT/api/users/2/recommendations?k=10")
s2=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$PORT/api/users/3/recommendations?k=10")
echo "start to ready: $(echo "$ready - $start" | bc) s; first request: $f s; second request: $s2 s"
for u in $(seq 2 300); do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/users/$u/recommendations?k=10"; done
mem "after 300 users"
curl -s "http://127.0.0.1:$PORT/api/users/2/recommendations?k=3"; echo
kill $S; wait $S 2>/dev/null
rm -rf $D

#!/bin/bash
# Server CPU per acknowledged delivery for one build of the bridge (docs/benchmarks.md, "Webhook intake").
# Run from webhook-bridge/: bench/intake-cpu.sh JAR LABEL [CONCURRENCY] [jfr]
# Starts JAR on port 18082 with a fresh store, warms up 8 s (wrk -c8), measures 15 s (wrk -cCONCURRENCY),
# prints rate, latency, load average, (utime+stime of the server) / requests and utime / requests; "jfr" also records
# /tmp/LABEL.jfr (settings=profile). "threads" is the server's thread count at the end of the measurement. Needs wrk, openssl, curl.
set -eu
JAR=$1; LABEL=$2; C=${3:-32}; JFR=${4:-}
BODY=src/test/resources/webhooks/github-workflow_job-failure.json
SIG=$(openssl dgst -sha256 -hmac bench-secret -hex < $BODY | awk '{print $NF}')
DATA=$(mktemp -d /tmp/pg-bench.XXXXXX)
OPTS=""
[ -n "$JFR" ] && OPTS="-XX:StartFlightRecording=filename=/tmp/$LABEL.jfr,settings=profile"
GITHUB_WEBHOOK_SECRET=bench-secret PIPELINE_GUARD_DATA_DIR=$DATA \
  java $OPTS -jar "$JAR" serve --port 18082 > /tmp/$LABEL.server.log 2>&1 &
PID=$!
for i in $(seq 1 60); do curl -s http://127.0.0.1:18082/health >/dev/null && break; sleep 0.5; done
BODY=$BODY SIG=$SIG wrk -t1 -c8 -d8s -s bench/intake.lua http://127.0.0.1:18082 >/dev/null
L0=$(cut -d' ' -f1 /proc/loadavg)
T0=$(awk "{print \$14+\$15}" /proc/$PID/stat); U0=$(awk "{print \$14}" /proc/$PID/stat)
OUT=$(BODY=$BODY SIG=$SIG wrk -t1 -c$C -d15s --latency -s bench/intake.lua http://127.0.0.1:18082)
T1=$(awk '{print $14+$15}' /proc/$PID/stat); U1=$(awk "{print \$14}" /proc/$PID/stat)
THREADS=$(ls /proc/$PID/task | wc -l)
L1=$(cut -d' ' -f1 /proc/loadavg)
REQ=$(echo "$OUT" | awk '/requests in/{print $1}')
RPS=$(echo "$OUT" | awk '/Requests\/sec/{print $2}')
P50=$(echo "$OUT" | awk '$1=="50%"{print $2}')
P99=$(echo "$OUT" | awk '$1=="99%"{print $2}')
MAX=$(echo "$OUT" | awk '/Latency/ && !/Distribution/{print $4}')
NON2=$(echo "$OUT" | awk '/Non-2xx/{print $NF}')
CPU=$(awk -v t0=$T0 -v t1=$T1 -v r=$REQ 'BEGIN{printf "%.2f", (t1-t0)*10/r}')
sleep 2
kill $PID; wait $PID 2>/dev/null || true
echo "$LABEL c=$C load=$L0-$L1 req=$REQ rps=$RPS p50=$P50 p99=$P99 max=$MAX cpu/req=${CPU}ms non2xx=${NON2:-0} user/req=$(awk -v a=$U0 -v b=$U1 -v r=$REQ "BEGIN{printf \"%.2f\", (b-a)*10/r}")ms threads=$THREADS"
rm -rf "$DATA"

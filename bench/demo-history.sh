#!/usr/bin/env bash
# How long the living demo takes to write its history (docs/operations.md "Demo history"), as BENCHMARKS.md reports it.
# Usage: bench/demo-history.sh [opportunities, a multiple of 125, default 1000] [extra JVM options...]
# Starts the jar in an empty directory (embedded default), reports Spring's start-up time, then waits for the background
# generator's "Demo history: ready" line and reports it, with RSS at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/app.sh
opportunities=${1:-1000}
shift || true
jar=$(bench_jar)
workdir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$workdir"' EXIT

(cd "$workdir" && exec java "$@" -jar "$jar" --server.port=18081 --crmflow.demo.history-opportunities="$opportunities" > "$workdir/app.log" 2>&1) &
pid=$!
began=$(date +%s)
for _ in $(seq 1 180); do
  grep -q "Started CrmflowApplication" "$workdir/app.log" && break
  sleep 1
done
grep -o "Started CrmflowApplication in [0-9.]* seconds" "$workdir/app.log"
for _ in $(seq 1 7200); do
  grep -q "Demo history: ready\|Demo history: stopped" "$workdir/app.log" && break
  sleep 1
done
echo "demo history of $opportunities opportunities: $(grep -o 'Demo history: \(ready\|stopped\).*' "$workdir/app.log" | head -1)"
echo "wall clock from launch: $(( $(date +%s) - began )) s; RSS $(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status") MB"
echo "refused steps logged: $(grep -c "Demo history: step" "$workdir/app.log" || true)"
kill "$pid"; wait "$pid" 2>/dev/null || true

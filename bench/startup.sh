#!/usr/bin/env bash
# Start-up time and memory of the default run (embedded H2 file database, demo data), as BENCHMARKS.md reports them.
# Usage: bench/startup.sh [extra JVM options...]   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/app.sh
jar=$(bench_jar)
workdir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$workdir"' EXIT

measure() {
  local label=$1; shift
  (cd "$workdir" && exec java "$@" -jar "$jar" --server.port=18080 > "$workdir/$label.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 180); do
    grep -q "Started CrmflowApplication" "$workdir/$label.log" && break
    sleep 1
  done
  sleep 10  # let the job executor and the first background work settle before reading memory
  local started rss
  started=$(grep -o "Started CrmflowApplication in [0-9.]* seconds" "$workdir/$label.log")
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  curl -fsS -o /dev/null -u admin:admin http://localhost:18080/api/leads && health=ok || health=failed
  echo "$label: $started; RSS ${rss} MB; /api/leads $health"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

measure first-start "$@"    # empty data directory: Flyway and Camunda create their schemas, demo users are created
measure restart "$@"        # the same data directory again: what an everyday restart costs

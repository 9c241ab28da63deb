#!/usr/bin/env bash
# Handover of a 2 000-record book on PostgreSQL (BENCHMARKS.md, issue 21): 1 200 customers, 600 leads and 200 opportunities
# with their running processes and tasks, moved by one confirmation. Runs the HandoverBench class against the test
# database (PostgreSQL at 127.0.0.1:5432, user postgres) and prints target/bench/handover.txt.
# Usage: bench/handover.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q test-compile surefire:test -Dtest=HandoverBench -Dcrmflow.test.database=postgres > target/bench-handover.log 2>&1 \
  || { tail -50 target/bench-handover.log; exit 1; }
cat target/bench/handover.txt

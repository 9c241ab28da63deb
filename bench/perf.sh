#!/usr/bin/env bash
# Issue 25's benchmarks in one run on one machine (BENCHMARKS.md "Performance levers (issue 25)"): the current build
# and an earlier one side by side, so every lever has its before and after measured under the same conditions.
#   rules       bench/lead-decision.sh: score + assign before the caches, with them, and plain Java (JMH, in-process)
#   auth        bench/auth.sh: an authenticated trivial request, the earlier jar, then the credentials cache off and on
#   engine      bench/engine.sh: lead intake beside the bare engine, the earlier jar, then history full / crmflow /
#               crmflow + reWriteBatchedInserts
#   open-loop   bench/load.sh 100 60: 100 leads/s at a fixed rate (latency p99), the earlier jar, then the current one
#   timers      bench/contact-timers.sh 20000 120: contact-deadline timers under 20 leads/s of intake, the earlier jar
#               (contact timers only), then the current one (contact and bare timers)
# Usage: bench/perf.sh <earlier jar> [step…]   (steps default to all of the above, in that order; about 45 minutes)
# Build the earlier jar from its commit, e.g.: git worktree add /tmp/before <commit> && (cd /tmp/before &&
# ./mvnw -q -DskipTests package). Each step's output is kept in /tmp/perf-<step>.log; a failing step does not stop the
# others (bench/load.sh exits 1 on any refused lead, which at 100 leads/s is itself a result). Run it on a quiet machine.
set -uo pipefail
[ $# -ge 1 ] || { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
before=$(realpath "$1"); shift
steps=("$@"); [ ${#steps[@]} -eq 0 ] && steps=(rules auth engine open-loop timers)
cd "$(dirname "$0")/.."
ls target/crmflow-*.jar >/dev/null 2>&1 || ./mvnw -B -q -o -DskipTests package

run() {
  local name=$1; shift
  echo "== $name: $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  "$@" > "/tmp/perf-$name.log" 2>&1
  echo "   exit $? at $(date -u +%H:%M:%S) UTC; /tmp/perf-$name.log"
}

for step in "${steps[@]}"; do
  case "$step" in
    rules) run rules bench/lead-decision.sh 1 3 5 ;;
    auth) run auth env CRMFLOW_AUTH_BEFORE_JAR="$before" bench/auth.sh 20 10 ;;
    engine)
      run engine-before env CRMFLOW_BENCH_JAR="$before" bench/engine.sh 20 "before="
      run engine bench/engine.sh 20 ;;
    open-loop)
      run open-loop-before env CRMFLOW_BENCH_JAR="$before" bench/load.sh 100 60
      run open-loop bench/load.sh 100 60 ;;
    timers)
      run timers-before env CRMFLOW_BENCH_JAR="$before" CRMFLOW_BENCH_KINDS=contact bench/contact-timers.sh 20000 120
      run timers bench/contact-timers.sh 20000 120 ;;
    *) echo "unknown step $step" >&2; exit 2 ;;
  esac
done

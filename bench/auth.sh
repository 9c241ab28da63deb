#!/usr/bin/env bash
# What an authenticated trivial request costs (issue 25): the jar on PostgreSQL (postgres profile, demo users, JVM
# options of deploy/), closed loop with wrk (-t2 -c8, keep-alive) as mia:mia over HTTP Basic, for
#   GET /engine-rest/version   (Camunda's REST engine: authentication + the engine's filter, no query)
#   GET /api/leads?limit=1     (crmflow's API: authentication + one row-level-filtered page of leads)
# once with the Basic credentials cache off (crmflow.security.basic-cache-ttl=0s: every request checks the password
# with Camunda's identity service and queries the groups) and once on (the default), in one run: the application is
# started twice on the same database, so both halves see the same data. Per point: a warm-up, then the measured run.
# Prints per point requests/s, p50/p99 latency (wrk), non-2xx answers, and the JVM's CPU per request (utime+stime of
# the java process from /proc over the measured run ÷ requests), which is the number to compare on a shared machine.
# With CRMFLOW_AUTH_BEFORE_JAR=<jar> (e.g. built from main before the cache) that jar's two points run first, in the
# same run, on the same database: the before/after of everything, the cache and the other savings of this lever.
# Database perfauth_bench (CRMFLOW_AUTH_DB), created and dropped here. About 4 minutes with the defaults (6 with a before-jar).
# Usage: bench/auth.sh [seconds per point, default 25] [warm-up seconds, default 10]
#   CRMFLOW_BENCH_JAR=<jar>   the jar to run (default target/crmflow-*.jar, built if missing)
#   CRMFLOW_BENCH_JVM="…"     JVM options instead of "-Xmx512m -XX:+UseSerialGC"; add e.g.
#                             -XX:StartFlightRecording=settings=profile,filename=/tmp/auth.jfr to see where time goes
#   CRMFLOW_AUTH_PORT=18100   the application's port
#   CRMFLOW_AUTH_DB=perfauth_bench  the scratch database's name
#   CRMFLOW_AUTH_BEFORE_JAR=<jar>  also measure this jar first (see above)
# Needs wrk, curl, psql; PostgreSQL at 127.0.0.1:5432, user postgres, trust.
set -euo pipefail
source "$(dirname "$0")/lib/app.sh"
source "$(dirname "$0")/lib/auth_point.sh"
cd "$bench_root"
secs=${1:-25}; warmup=${2:-10}
read -r -a jvm <<< "${CRMFLOW_BENCH_JVM:--Xmx512m -XX:+UseSerialGC}"
db=${CRMFLOW_AUTH_DB:-perfauth_bench}; port=${CRMFLOW_AUTH_PORT:-18100}
basic="Authorization: Basic $(printf mia:mia | base64)"
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
if ss -ltn "sport = :$port" | grep -q LISTEN; then echo "port $port is taken" >&2; exit 1; fi
workdir=$(mktemp -d)
trap 'bench_stop; cp "$workdir/app.log" "/tmp/$db.log" 2>/dev/null; rm -rf "$workdir"
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" >/dev/null' EXIT

echo "before: $(bench_conditions)"
echo "JVM options: ${jvm[*]}; wrk -t2 -c8, ${warmup} s warm-up + ${secs} s per point, HTTP Basic mia:mia"
bench_layout "$workdir"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db"
auth_point_header
# run <workdir> <label> <application arguments…>: one start of the application, its two points, stop.
run() {
  local dir=$1 label=$2; shift 2
  bench_start "$dir" "$port" "jdbc:postgresql://127.0.0.1:5432/$db" "${jvm[@]}" -- --spring.profiles.active=postgres "$@"
  auth_points "$label" "$basic"
  bench_stop
}
auth_before_jar run "before-jar"
run "$workdir" "cache off" --crmflow.security.basic-cache-ttl=0s
run "$workdir" "cache on (5s)" --crmflow.security.basic-cache-ttl=5s
echo "after: $(bench_conditions)"

#!/usr/bin/env bash
# Sustained intake (issue #11, BENCHMARKS.md): the jar on PostgreSQL with the postgres profile and the JVM options of
# deploy/, new leads POSTed to 127.0.0.1 at a FIXED rate (open loop, bench/lib/fixed_rate_leads.py) for a fixed time,
# after a warm-up at the same rate. Reports throughput, p50/p90/p99/max latency per minute and overall, errors, the heap
# after a forced full GC every minute (from the JVM's GC log), and the JVM's CPU. Fails (exit 1) on any non-201 answer or if the heap after GC of the
# last third of the run exceeds the first third's by more than 20 % + 8 MB. Stops by itself: the client sends for
# warm-up + duration and waits at most 30 s for the last answers. Database crmflow_bench_load, created and dropped here.
# Usage: bench/load.sh [leads per second, default 20] [seconds, default 300]
#   CRMFLOW_BENCH_JVM="…"  JVM options instead of deploy/'s "-Xmx512m -XX:+UseSerialGC"
#   CRMFLOW_LOAD_WARMUP=30 CRMFLOW_LOAD_HEAP_EVERY=60  warm-up and heap sampling in seconds
# Needs python3 (standard library only), jcmd (JDK), curl, psql; PostgreSQL at 127.0.0.1:5432, user postgres, trust.
set -euo pipefail
source "$(dirname "$0")/lib/app.sh"
cd "$bench_root"
rate=${1:-20}; secs=${2:-300}
warmup=${CRMFLOW_LOAD_WARMUP:-30}; heap_every=${CRMFLOW_LOAD_HEAP_EVERY:-60}
read -r -a jvm <<< "${CRMFLOW_BENCH_JVM:--Xmx512m -XX:+UseSerialGC}"
db=crmflow_bench_load; port=18086
psql_db() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
if ss -ltn "sport = :$port" | grep -q LISTEN; then echo "port $port is taken; is another bench/load.sh running?" >&2; exit 1; fi
workdir=$(mktemp -d)
load_watch=
trap '[ -n "$load_watch" ] && kill "$load_watch" 2>/dev/null; bench_stop; cp "$workdir/app.log" "/tmp/$db.log" 2>/dev/null
  cp "$workdir/report.json" "/tmp/$db.json" 2>/dev/null; rm -rf "$workdir"
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" >/dev/null' EXIT

echo "before: $(bench_conditions)"
echo "JVM options: ${jvm[*]}; $rate leads/s for ${secs} s after ${warmup} s of warm-up"
bench_layout "$workdir"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db"
bench_start "$workdir" "$port" "jdbc:postgresql://127.0.0.1:5432/$db" "${jvm[@]}" "-Xlog:gc:file=$workdir/gc.log" -- --spring.profiles.active=postgres --logging.level.root=WARN \
  --logging.level.io.crmflow=INFO
echo "application up ($(grep -o 'Started CrmflowApplication in [0-9.]* seconds' "$workdir/app.log"))"
bench_sales_team "$db"
db_bytes() { psql_db -c "select pg_database_size(current_database())"; }
db_before=$(db_bytes)

(while sleep 60; do echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; done) &
load_watch=$!
cpu_ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
cpu_before=$(cpu_ticks); wall_before=$(date +%s.%N)
status=0
python3 bench/lib/fixed_rate_leads.py --port "$port" --pid "$app_pid" --gc-log "$workdir/gc.log" --rate "$rate" --seconds "$secs" --warmup "$warmup" \
  --heap-every "$heap_every" --report "$workdir/report.json" || status=$?
cpu_s=$(echo "($(cpu_ticks) - $cpu_before) / $(getconf CLK_TCK)" | bc -l)
wall_s=$(echo "$(date +%s.%N) - $wall_before" | bc -l)
kill "$load_watch"; load_watch=

leads=$(psql_db -c "select count(*) from leads")
printf 'JVM CPU during warm-up + run: %.0f s in %.0f s = %.2f of %s CPUs, %.1f ms per lead created\n' "$cpu_s" "$wall_s" \
  "$(echo "$cpu_s / $wall_s" | bc -l)" "$(nproc)" "$(echo "$cpu_s * 1000 / $leads" | bc -l)"
echo "leads in the database: $leads; by status: $(psql_db -c "select string_agg(status || '=' || n, ' ') from (select status, count(*) n from leads group by status order by 1) s")"
printf 'database: %.0f MB before, %.0f MB after: %.1f kB per lead (crmflow rows, Camunda runtime and history, indexes)\n' \
  "$(echo "$db_before / 1048576" | bc -l)" "$(echo "$(db_bytes) / 1048576" | bc -l)" "$(echo "($(db_bytes) - $db_before) / 1024 / $leads" | bc -l)"
echo "largest tables: $(psql_db -c "select string_agg(relname || ' ' || pg_size_pretty(bytes), ', ') from (select relname,
  pg_total_relation_size(oid) bytes from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace order by 2 desc limit 6) t")"
echo "process instances running: $(psql_db -c "select count(*) from act_ru_execution where parent_id_ is null");" \
  "jobs due now: $(psql_db -c "select count(*) from act_ru_job where duedate_ <= now() and retries_ > 0")"
echo "ERROR lines in the application log: $(grep -c ' ERROR ' "$workdir/app.log" || true) (log kept in /tmp/$db.log, report in /tmp/$db.json)"
echo "after: $(bench_conditions)"
exit "$status"

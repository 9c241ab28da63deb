#!/usr/bin/env bash
# Timer lateness (BENCHMARKS.md): 100 000 waiting timers (one-timer process instances, profile bench-timers,
# src/test/java/io/crmflow/bench/TimerLatenessBench.java) due evenly over a few minutes, while bench/intake.lua posts
# leads with 4 clients; lateness = job log's success time − the job's due date (ACT_HI_JOB_LOG), p50/p99/max.
# Database crmflow_bench_timers, created and dropped here.
# Usage: bench/timers.sh [count, default 100000] [first due after start-up s, default 120] [spread s, default 240] \
#          [application arguments, e.g. --camunda.bpm.job-execution.max-jobs-per-acquisition=20 …]
#   CRMFLOW_BENCH_JVM="…" extra JVM options; CRMFLOW_BENCH_INTAKE_CLIENTS=0 runs without the intake load.
set -euo pipefail
source "$(dirname "$0")/lib/app.sh"
cd "$bench_root"
count=${1:-100000}; first=${2:-120}; spread=${3:-240}; shift $(( $# < 3 ? $# : 3 ))
clients=${CRMFLOW_BENCH_INTAKE_CLIENTS:-4}
db=crmflow_bench_timers; port=18084
read -r -a jvm <<< "${CRMFLOW_BENCH_JVM:-}"
psql_db() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
workdir=$(mktemp -d)
trap 'bench_stop; cp "$workdir/app.log" "/tmp/$db.log" 2>/dev/null; rm -rf "$workdir"; psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" >/dev/null' EXIT

echo "before: $(bench_conditions)"
echo "job executor arguments: ${*:-(defaults)}"
bench_layout "$workdir"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db"
bench_start "$workdir" "$port" "jdbc:postgresql://127.0.0.1:5432/$db" "${jvm[@]}" -- --spring.profiles.active=postgres,bench-timers --logging.level.root=WARN \
  --logging.level.io.crmflow=INFO --crmflow.bench.timers.count="$count" --crmflow.bench.timers.first-due-seconds="$first" \
  --crmflow.bench.timers.spread-seconds="$spread" "$@"
bench_sales_team "$db"
for _ in $(seq 1 60); do grep -q "bench-timers: creating" "$workdir/app.log" && break; sleep 1; done
t0=$(date +%s)   # ≈ when the first due time was fixed (creation starts right after)
grep -o "bench-timers: creating.*" "$workdir/app.log"

# Intake load across the whole firing window (from 10 s before the first due time to 10 s after the last).
sleep $(( first > 10 ? first - 10 : 0 ))
if [ "$clients" -gt 0 ]; then
  BENCH_RUN=7 wrk -t 2 -c "$clients" -d "$(( spread + 20 ))s" --timeout 30s -s bench/intake.lua "http://127.0.0.1:$port" \
    | grep RESULT | sed "s/^RESULT/intake during the window ($clients clients):/"
else
  sleep $(( spread + 20 ))
fi
grep -o "bench-timers: created.*" "$workdir/app.log" || echo "creation not finished by the end of the window"
grep -c "creation is behind" "$workdir/app.log" | sed 's/^/batches created after their last due time: /' || true
# Drain: at most CRMFLOW_BENCH_DRAIN (default 300) more seconds for the rest to fire.
for _ in $(seq 1 $(( ${CRMFLOW_BENCH_DRAIN:-300} / 5 ))); do
  left=$(psql_db -c "select count(*) from act_ru_job where process_def_key_ = 'bench-timer'")
  [ "$left" -eq 0 ] && break
  sleep 5
done
echo "timers still waiting $(( $(date +%s) - t0 - first - spread )) s after the last due time: $left"
psql_db -F ' ' <<'SQL'
select 'fired ' || count(*),
       'p50 ' || round(percentile_cont(0.5) within group (order by late)::numeric, 3) || ' s',
       'p90 ' || round(percentile_cont(0.9) within group (order by late)::numeric, 3) || ' s',
       'p99 ' || round(percentile_cont(0.99) within group (order by late)::numeric, 3) || ' s',
       'max ' || round(max(late)::numeric, 3) || ' s',
       'late>2s ' || count(*) filter (where late > 2)
from (select extract(epoch from (timestamp_ - job_duedate_)) as late
      from act_hi_job_log where process_def_key_ = 'bench-timer' and job_state_ = 2) l;
select 'created after due: ' || count(*) from act_hi_job_log
where process_def_key_ = 'bench-timer' and job_state_ = 0 and timestamp_ > job_duedate_;
-- The same lateness for the timers that existed (were committed) before they were due: creation falling behind is not
-- the job executor's lateness.
select 'timers created before due: fired ' || count(*),
       'p50 ' || round(percentile_cont(0.5) within group (order by late)::numeric, 3) || ' s',
       'p99 ' || round(percentile_cont(0.99) within group (order by late)::numeric, 3) || ' s',
       'max ' || round(max(late)::numeric, 3) || ' s'
from (select extract(epoch from (f.timestamp_ - f.job_duedate_)) as late
      from act_hi_job_log f join act_hi_job_log c on c.job_id_ = f.job_id_ and c.job_state_ = 0
      where f.process_def_key_ = 'bench-timer' and f.job_state_ = 2 and c.timestamp_ < c.job_duedate_) l;
SQL
psql_db -F ' ' -c "select 'lateness by minute of due time: ' || string_agg(m || ': p99 ' || p99 || ' s, max ' || mx || ' s (' || n || ' timers)', '; ' order by m)
  from (select m, count(*) n, round(percentile_cont(0.99) within group (order by late)::numeric, 2) p99, round(max(late)::numeric, 2) mx
        from (select floor(extract(epoch from (job_duedate_ - (select min(job_duedate_) from act_hi_job_log where process_def_key_ = 'bench-timer'))) / 60)::int m,
                     extract(epoch from (timestamp_ - job_duedate_)) late
              from act_hi_job_log where process_def_key_ = 'bench-timer' and job_state_ = 2) x group by m) y"
echo "errors in the log: $(grep -c -E ' ERROR ' "$workdir/app.log" || true) (log kept in /tmp/$db.log)"
echo "after: $(bench_conditions)"

#!/usr/bin/env bash
# Contact-deadline timers (issue 25, BENCHMARKS.md): the product's real timer path beside a bare timer of the same shape,
# while bench/lib/fixed_rate_leads.py posts leads at a fixed rate. Profile bench-contact-timers
# (src/test/java/io/crmflow/bench/ContactTimerBench.java): submits <count> leads through LeadService (scored, assigned, a
# "Contact lead" task with its deadline timer each) and starts <count> instances of bench/bench-contact-timer.bpmn
# (src/test/resources: the same user task, boundary timer, gateways and variables without crmflow's delegates), then moves
# the timers' due dates (ManagementService.setJobDuedate) evenly into a window of <window> seconds: contact timers first,
# the bare ones CRMFLOW_BENCH_GAP (default 60) seconds after that window. Firing a contact timer runs the product's path:
# reclaim, re-assignment by the rules, a new "Contact lead" task for another rep.
# Prints per kind: timers fired, failed jobs, fired per second (fired / (last success − first due), and the best 10 s),
# lateness p50/p99/max (ACT_HI_JOB_LOG success TIMESTAMP_ − JOB_DUEDATE_), and the intake's latency during the windows.
# Each VARIANT runs the application once on a fresh database; variants are separated by " | " in CRMFLOW_BENCH_VARIANTS
# (application arguments each, "-" = none), e.g. before/after of a job executor setting in one run:
#   CRMFLOW_BENCH_VARIANTS="--camunda.bpm.job-execution.max-jobs-per-acquisition=4 | -" bench/contact-timers.sh 5000 30
# Usage: bench/contact-timers.sh [count, default 20000] [window s, default 120] [application arguments for every variant…]
#   CRMFLOW_BENCH_INTAKE_RATE (default 20 leads/s, 0 = none), CRMFLOW_BENCH_KINDS (default contact,bare),
#   CRMFLOW_BENCH_THREADS (threads submitting the leads, default 2), CRMFLOW_BENCH_DRAIN (s to wait for the rest, default 300),
#   CRMFLOW_BENCH_JVM="…" JVM options (default deploy/'s -Xmx512m -XX:+UseSerialGC; add a JFR recording here),
#   CRMFLOW_BENCH_ANALYZE (default 1): VACUUM ANALYZE the database once the timers are in place, as autovacuum would
#   have by then on a server with PostgreSQL's default autovacuum=on (this machine's server runs with it off, and a
#   database filled in a minute then has no statistics: the planner picks index scans that read whole tables); 0 = not,
#   CRMFLOW_BENCH_TOP_SQL=<n>: the n statements PostgreSQL spent most time on during the windows (needs
#   shared_preload_libraries = 'pg_stat_statements' in the server's configuration and a restart of it).
# Database crmflow_bench_contact_timers, created and dropped per variant; application log in /tmp/<database>-<n>.log.
# Time: start-up + <count> leads created in-process (not measured on a quiet machine; 2-9/s on the shared one, at load
# average 20-35) + a minute to move the due dates + <window> per kind + the gap + the drain. Bare timers alone
# (CRMFLOW_BENCH_KINDS=bare) need no leads and take a few minutes; if the whole run goes over 10 minutes, run the kinds
# separately. The "before" of the due-date index is main's jar: CRMFLOW_BENCH_JAR=<main's target/crmflow-*.jar>; the
# "before" of acquisition by due date is a variant:
#   CRMFLOW_BENCH_VARIANTS="--camunda.bpm.generic-properties.properties.jobExecutorAcquireByDueDate=false | -"
set -euo pipefail
source "$(dirname "$0")/lib/app.sh"
cd "$bench_root"
count=${1:-20000}; window=${2:-120}; shift $(( $# < 2 ? $# : 2 ))
rate=${CRMFLOW_BENCH_INTAKE_RATE:-20}; kinds=${CRMFLOW_BENCH_KINDS:-contact,bare}; gap=${CRMFLOW_BENCH_GAP:-60}
threads=${CRMFLOW_BENCH_THREADS:-2}; drain=${CRMFLOW_BENCH_DRAIN:-300}
db=${CRMFLOW_BENCH_DB:-crmflow_bench_contact_timers}; port=${CRMFLOW_BENCH_PORT:-18088}
read -r -a jvm <<< "${CRMFLOW_BENCH_JVM:--Xmx512m -XX:+UseSerialGC}"
IFS='|' read -r -a variants <<< "${CRMFLOW_BENCH_VARIANTS:--}"
psql_db() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
workdir=$(mktemp -d)
intake=
trap '[ -n "$intake" ] && kill "$intake" 2>/dev/null; bench_stop; rm -rf "$workdir"; psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" >/dev/null' EXIT
bench_layout "$workdir"

key_of() { [ "$1" = contact ] && echo lead-qualification || echo bench-contact-timer; }
report() {  # report <kind>: the timers of that kind fired in its window
  psql_db -F ' ' -v key="$(key_of "$1")" -v kind="$1" <<'SQL'
select :'kind' || ': fired ' || count(*) filter (where job_state_ = 2),
       'failed-attempts ' || count(*) filter (where job_state_ = 3),
       'fired/s ' || round(count(*) filter (where job_state_ = 2) / greatest(0.001, extract(epoch from
         max(timestamp_) filter (where job_state_ = 2) - min(job_duedate_)))::numeric, 1)
from act_hi_job_log where process_def_key_ = :'key' and act_id_ = 'Timer_ContactDeadline' and job_state_ in (2, 3);
select '  lateness p50 ' || round(percentile_cont(0.5) within group (order by late)::numeric, 3) || ' s',
       'p99 ' || round(percentile_cont(0.99) within group (order by late)::numeric, 3) || ' s',
       'max ' || round(max(late)::numeric, 3) || ' s', 'late>2s ' || count(*) filter (where late > 2)
from (select extract(epoch from (timestamp_ - job_duedate_)) late from act_hi_job_log
      where process_def_key_ = :'key' and act_id_ = 'Timer_ContactDeadline' and job_state_ = 2) l;
select '  best 10 s: ' || max(n) / 10.0 || ' fired/s' from (select count(*) n from act_hi_job_log
  where process_def_key_ = :'key' and act_id_ = 'Timer_ContactDeadline' and job_state_ = 2
  group by floor(extract(epoch from timestamp_) / 10)) t;
SQL
}

n=0
for variant in "${variants[@]}"; do
  n=$((n + 1))
  read -r -a vargs <<< "$variant"; [ "${vargs[*]:-}" = - ] && vargs=()
  echo "== variant $n: ${vargs[*]:-(as configured)} ${*:-}"
  echo "before: $(bench_conditions)"
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db"
  bench_start "$workdir" "$port" "jdbc:postgresql://127.0.0.1:5432/$db" "${jvm[@]}" "-Xlog:gc:file=$workdir/gc.log" -- \
    --spring.profiles.active=postgres,bench-contact-timers --logging.level.root=WARN --logging.level.io.crmflow=INFO \
    --crmflow.bench.contact-timers.count="$count" --crmflow.bench.contact-timers.window-seconds="$window" \
    --crmflow.bench.contact-timers.gap-seconds="$gap" --crmflow.bench.contact-timers.kinds="$kinds" \
    --crmflow.bench.contact-timers.threads="$threads" "${vargs[@]}" "$@"
  bench_sales_team "$db"
  cpu_ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
  # PostgreSQL's share of the same cores: all its processes (the pool's backends live through the run).
  pg_ticks() { for p in $(pgrep -x postgres); do cat "/proc/$p/stat" 2>/dev/null; done | awk '{t += $14 + $15} END {print t}'; }
  until grep -q "bench-contact-timers: .* window" "$workdir/app.log"; do
    kill -0 "$app_pid" || { tail -30 "$workdir/app.log"; exit 1; }; sleep 1
  done
  grep -o "bench-contact-timers: created.*" "$workdir/app.log" || true
  if [ "${CRMFLOW_BENCH_ANALYZE:-1}" != 0 ]; then
    until grep -q "bench-contact-timers: ready" "$workdir/app.log"; do kill -0 "$app_pid"; sleep 1; done
    analyzed=$(date +%s%N); psql_db -c "vacuum analyze"
    echo "vacuum analyze after the set-up: $(( ($(date +%s%N) - analyzed) / 1000000 )) ms (autovacuum on the server: $(psql_db -c 'show autovacuum'))"
  fi
  first=$(date -d "$(grep -o 'window [^ ]*' "$workdir/app.log" | head -1 | cut -d' ' -f2)" +%s)
  kinds_n=$(tr ',' '\n' <<< "$kinds" | wc -l)
  span=$(( kinds_n * window + (kinds_n - 1) * gap ))
  sleep $(( first - 10 - $(date +%s) > 0 ? first - 10 - $(date +%s) : 0 ))
  if [ "$rate" != 0 ]; then
    # Heap samples are bench/load.sh's business: one at the end only; its exit status (heap growth) does not count here.
    python3 bench/lib/fixed_rate_leads.py --port "$port" --pid "$app_pid" --gc-log "$workdir/gc.log" --rate "$rate" \
      --seconds $(( span + 20 )) --warmup 0 --heap-every 100000 --run $(( n + 40 )) > "$workdir/intake.out" 2>&1 &
    intake=$!
  fi
  top_sql=${CRMFLOW_BENCH_TOP_SQL:-0}
  [ "$top_sql" != 0 ] && psql_db -c "create extension if not exists pg_stat_statements" -c "select pg_stat_statements_reset()" >/dev/null
  cpu0=$(cpu_ticks); pg0=$(pg_ticks); t0=$(date +%s)
  sleep $(( span + 20 ))
  [ -n "$intake" ] && { wait "$intake" || true; intake=; }
  cpu_s=$(( ($(cpu_ticks) - cpu0) / $(getconf CLK_TCK) )); pg_s=$(( ($(pg_ticks) - pg0) / $(getconf CLK_TCK) )); wall_s=$(( $(date +%s) - t0 ))
  for _ in $(seq 1 $(( drain / 5 ))); do
    left=$(psql_db -c "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ = 'Timer_ContactDeadline' and j.duedate_ < now()")
    [ "$left" -eq 0 ] && break
    sleep 5
  done
  grep -h "moving the" "$workdir/app.log" || true
  echo "due and not fired after the drain: $left; JVM CPU over the windows: $cpu_s s, PostgreSQL's: $pg_s s, in $wall_s s"
  for kind in ${kinds//,/ }; do report "$kind"; done
  [ "$top_sql" != 0 ] && psql_db -F ' | ' -v n="$top_sql" <<'SQL'
select round(total_exec_time)::bigint || ' ms', calls, round((total_exec_time / calls)::numeric, 3) || ' ms/call', rows,
       left(regexp_replace(query, '\s+', ' ', 'g'), 160)
from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
order by total_exec_time desc limit :n;
SQL
  [ -f "$workdir/intake.out" ] && grep "^RESULT" "$workdir/intake.out" | sed 's/^RESULT/intake during the windows:/' && rm "$workdir/intake.out"
  echo "errors in the log: $(grep -c ' ERROR ' "$workdir/app.log" || true); optimistic locking: $(grep -c OptimisticLocking "$workdir/app.log" || true) (log in /tmp/$db-$n.log)"
  echo "after: $(bench_conditions)"
  bench_stop; cp "$workdir/app.log" "/tmp/$db-$n.log"
done

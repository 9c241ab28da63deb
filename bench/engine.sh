#!/usr/bin/env bash
# crmflow's lead intake beside the bare engine, for engine-configuration variants, on PostgreSQL: how much of a lead's
# cost is Camunda's, and what each variant changes. For every variant, on a fresh database of its own:
#   intake    POST /api/leads as mia, 8 clients closed loop (wrk + bench/intake.lua and bench/intake.sh's 96 extra reps)
#   start17   POST /engine-rest/process-definition/key/bench-engine/start as admin, 17 variables, 8 clients: the shape of
#             lead-qualification's start (gateway, expression step, user task with a boundary timer) without crmflow's
#             code (profile bench-engine, src/test/java/io/crmflow/bench/EngineBaselineBench.java; bench/engine.lua)
#   start2    the same with 2 variables
#   version   GET /engine-rest/version as admin, 8 clients: authentication and the filter chain, no engine command
# each as requests/s, latency p50/p99 (ms) and the JVM's CPU per request (ms, /proc/<pid>/stat user + system).
# Usage: bench/engine.sh [seconds per point, default 20] [variant…]
#   variant = name=application arguments (space-separated), e.g. "full=--camunda.bpm.history-level=full"; default:
#     full      Camunda's history level full (what crmflow shipped before its own level)
#     crmflow   the shipped configuration (history level crmflow)
#     rewrite   the shipped configuration + the PostgreSQL driver's reWriteBatchedInserts=true
#   CRMFLOW_BENCH_JAR=<jar>   run an earlier build (bench/lib/app.sh); CRMFLOW_BENCH_JVM="…" extra JVM options, e.g. a
#     profile of one variant (one per run: every variant's JVM would write the same file): bench/engine.sh 20 crmflow= with
#     CRMFLOW_BENCH_JVM="-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=/tmp/engine.jfr
#     -XX:FlightRecorderOptions:stackdepth=256" (without dumponexit the stopped JVM leaves an empty file), then
#     bench/lib/jfr-breakdown.py /tmp/engine.jfr
#   CRMFLOW_BENCH_DB / CRMFLOW_BENCH_PORT   database name (default crmflow_bench_engine) and port (default 18084)
#   CRMFLOW_BENCH_ANALYZE (default 1): VACUUM ANALYZE after the warm-up, as autovacuum would have by then on a server with
#     PostgreSQL's default autovacuum=on; 0 = not (this machine's server runs with autovacuum off)
# About 2½ minutes per variant with the defaults (start-up, 25 s of warm-up, 4 points). Needs wrk; PostgreSQL at
# 127.0.0.1:5432, user postgres, trust auth. Each variant's application log is kept in /tmp/<database>-<variant>.log.
set -euo pipefail
source "$(dirname "$0")/lib/app.sh"
cd "$bench_root"
secs=${1:-20}; shift || true
variants=("$@")
[ ${#variants[@]} -eq 0 ] && variants=("full=--camunda.bpm.history-level=full" "crmflow="
  "rewrite=--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=true")
db=${CRMFLOW_BENCH_DB:-crmflow_bench_engine}; port=${CRMFLOW_BENCH_PORT:-18084}
read -r -a jvm <<< "${CRMFLOW_BENCH_JVM:-}"
url="http://127.0.0.1:$port"
workdir=$(mktemp -d)
trap 'bench_stop; rm -rf "$workdir"; psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" >/dev/null' EXIT

echo "before: $(bench_conditions)"
bench_layout "$workdir"
results=()
for variant in "${variants[@]}"; do
  name=${variant%%=*}; read -r -a args <<< "${variant#*=}"
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db"
  bench_start "$workdir" "$port" "jdbc:postgresql://127.0.0.1:5432/$db" "${jvm[@]}" -- \
    --spring.profiles.active=postgres,bench-engine --logging.level.root=WARN --logging.level.io.crmflow=INFO "${args[@]}"
  for _ in $(seq 1 120); do grep -q "bench-engine: deployed" "$workdir/app.log" && break; sleep 1; done
  bench_sales_team "$db"
  echo "variant $name (${args[*]:-no arguments}): application up ($(grep -o 'Started CrmflowApplication in [0-9.]* seconds' "$workdir/app.log")," \
    "history level $(psql -h 127.0.0.1 -U postgres -d "$db" -qAtc "select value_ from act_ge_property where name_ = 'historyLevel'"))"
  # Warm-up (JIT, pool, caches) of every path measured after it.
  BENCH_RUN=99 wrk -t 2 -c 4 -d 15s --timeout 30s -s bench/intake.lua "$url" >/dev/null
  BENCH_RUN=99 BENCH_ENGINE=start wrk -t 2 -c 4 -d 7s --timeout 30s -s bench/engine.lua "$url" >/dev/null
  BENCH_ENGINE=version wrk -t 2 -c 4 -d 3s --timeout 30s -s bench/engine.lua "$url" >/dev/null
  # Statistics for the tables the warm-up filled, as autovacuum would have made them by now on a server with
  # PostgreSQL's default autovacuum=on (this machine's server runs with it off: without statistics the application's
  # connections keep plans made while the tables were nearly empty, e.g. the duplicate check walking all leads).
  if [ "${CRMFLOW_BENCH_ANALYZE:-1}" != 0 ]; then psql -h 127.0.0.1 -U postgres -d "$db" -qc "vacuum analyze"; fi
  for point in intake start17 start2 version; do
    case $point in
      intake) line=$(BENCH_RUN=1 bench_wrk "$name $point" -t 2 -c 8 -d "${secs}s" --timeout 30s -s bench/intake.lua "$url") ;;
      start17) line=$(BENCH_RUN=1 BENCH_ENGINE=start BENCH_VARS=17 bench_wrk "$name $point" -t 2 -c 8 -d "${secs}s" --timeout 30s -s bench/engine.lua "$url") ;;
      start2) line=$(BENCH_RUN=2 BENCH_ENGINE=start BENCH_VARS=2 bench_wrk "$name $point" -t 2 -c 8 -d "${secs}s" --timeout 30s -s bench/engine.lua "$url") ;;
      version) line=$(BENCH_ENGINE=version bench_wrk "$name $point" -t 2 -c 8 -d "${secs}s" --timeout 30s -s bench/engine.lua "$url") ;;
    esac
    echo "$line"; results+=("$line")
  done
  echo "$name: history rows after the run: $(psql -h 127.0.0.1 -U postgres -d "$db" -qAt -c "select string_agg(t || '=' || n, ' ' order by t) from (
      select 'hi_detail' t, count(*) n from act_hi_detail union all select 'hi_varinst', count(*) from act_hi_varinst
      union all select 'hi_job_log', count(*) from act_hi_job_log union all select 'hi_actinst', count(*) from act_hi_actinst
      union all select 'procinst', count(*) from act_hi_procinst) c")"
  echo "$name: errors in the log: $(grep -c -E ' ERROR ' "$workdir/app.log" || true) (kept in /tmp/$db-$name.log)"
  bench_stop
  cp "$workdir/app.log" "/tmp/$db-$name.log"
done

echo
printf '%-10s %-8s %9s %8s %8s %8s %s\n' variant point 'req/s' 'p50 ms' 'p99 ms' 'CPU ms' 'errors/non-2xx'
for line in "${results[@]}"; do
  read -r name point <<< "${line%%:*}"
  v() { sed "s/.* $1=\([0-9.]*\).*/\1/" <<< " $line"; }
  printf '%-10s %-8s %9s %8s %8s %8s %s/%s\n' "$name" "$point" "$(v tps)" "$(v p50_ms)" "$(v p99_ms)" "$(v cpu_ms)" "$(v errors)" "$(v non2xx)"
done
echo "after: $(bench_conditions)"

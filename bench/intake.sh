#!/usr/bin/env bash
# Lead intake end to end on PostgreSQL (POST /api/leads → de-duplication → score → DRL assignment → process start →
# commit), closed loop with wrk at N concurrent clients, against pgbench doing one-row INSERT transactions on the same
# database with the same number of clients (BENCHMARKS.md). Database crmflow_bench_intake, created and dropped here.
# Usage: bench/intake.sh [seconds per point, default 60] [clients…, default 4 8 16]
#   CRMFLOW_BENCH_SCORING=camunda-dmn   score in business rule tasks on Camunda's DMN engine (bench/intake-camunda-dmn.sh)
#   CRMFLOW_BENCH_JVM="…"               extra JVM options (e.g. -XX:StartFlightRecording=duration=60s,filename=/tmp/x.jfr)
#   CRMFLOW_BENCH_JAR=<jar>             the jar to run (bench/lib/app.sh), e.g. one built from main beside the branch's
#   CRMFLOW_BENCH_DB=<name> CRMFLOW_BENCH_PORT=<port>   database and port, so that runs on a shared machine do not collide
# Each point also prints the JVM's CPU per lead created, and the end the engine's variable rows per lead (runtime,
# history instances, history details): what every process variable of a lead costs.
# Needs wrk (apt-get install wrk) and pgbench; PostgreSQL at 127.0.0.1:5432, user postgres, trust auth.
set -euo pipefail
source "$(dirname "$0")/lib/app.sh"
cd "$bench_root"
secs=${1:-60}; shift || true
clients=("${@:-}"); [ -z "${clients[0]}" ] && clients=(4 8 16)
scoring=${CRMFLOW_BENCH_SCORING:-drools}
profiles=postgres; db=crmflow_bench_intake; port=18082
if [ "$scoring" = camunda-dmn ]; then profiles=postgres,bench-camunda-dmn; db=crmflow_bench_intake_cdmn; port=18083; fi
db=${CRMFLOW_BENCH_DB:-$db}; port=${CRMFLOW_BENCH_PORT:-$port}
read -r -a jvm <<< "${CRMFLOW_BENCH_JVM:-}"
psql_db() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
workdir=$(mktemp -d)
trap 'bench_stop; cp "$workdir/app.log" "/tmp/$db.log" 2>/dev/null; rm -rf "$workdir"; psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" >/dev/null' EXIT

echo "before: $(bench_conditions)"
bench_layout "$workdir"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db"
bench_start "$workdir" "$port" "jdbc:postgresql://127.0.0.1:5432/$db" "${jvm[@]}" -- --spring.profiles.active="$profiles" --logging.level.root=WARN \
  --logging.level.io.crmflow=INFO
if [ "$scoring" = camunda-dmn ]; then  # the bench process is deployed once the application is ready
  for _ in $(seq 1 120); do grep -q "bench-camunda-dmn: deployed" "$workdir/app.log" && break; sleep 1; done
fi
echo "scoring: $scoring; application up ($(grep -o 'Started CrmflowApplication in [0-9.]* seconds' "$workdir/app.log"))"
bench_sales_team "$db"
psql_db -c "create table bench_insert (id bigserial primary key, v double precision not null, at timestamptz not null default now())"
printf 'insert into bench_insert (v) values (random());\n' > "$workdir/insert.sql"

url="http://127.0.0.1:$port"
# Warm-up: JIT, connection pool, caches (its leads stay in the database like everybody else's).
BENCH_RUN=99 wrk -t 2 -c 4 -d 20s --timeout 30s -s bench/intake.lua "$url" | grep RESULT | sed 's/^/warm-up /'
jvm_cpu_ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
run=0
for c in "${clients[@]}"; do
  run=$((run + 1))
  threads=$(( c < 2 ? c : 2 ))
  leads_before=$(psql_db -c "select count(*) from leads")
  ticks_before=$(jvm_cpu_ticks)
  app=$(BENCH_RUN=$run wrk -t "$threads" -c "$c" -d "${secs}s" --timeout 30s -s bench/intake.lua "$url" | grep RESULT)
  ticks=$(( $(jvm_cpu_ticks) - ticks_before ))
  created=$(( $(psql_db -c "select count(*) from leads") - leads_before ))
  app_tps=$(sed 's/.* tps=\([0-9.]*\).*/\1/' <<< "$app")
  pg=$(pgbench -h 127.0.0.1 -U postgres -n -c "$c" -j "$threads" -T "$secs" -f "$workdir/insert.sql" "$db" 2>&1)
  pg_tps=$(grep -o 'tps = [0-9.]*' <<< "$pg" | head -1 | grep -o '[0-9.]*$')
  pg_lat=$(grep -o 'latency average = [0-9.]* ms' <<< "$pg" | grep -o '[0-9.]*')
  printf '%s clients: crmflow %s (leads created %s, JVM CPU %.1f ms per lead) | pgbench tps=%s latency_avg_ms=%s | ratio %.3f\n' \
    "$c" "${app#RESULT }" "$created" "$(echo "$ticks * 1000 / $(getconf CLK_TCK) / $created" | bc -l)" "$pg_tps" "$pg_lat" \
    "$(echo "$app_tps / $pg_tps" | bc -l)"
done
echo "leads by status: $(psql_db -c "select string_agg(status || '=' || n, ' ') from (select status, count(*) n from leads group by status order by 1) s")"
echo "engine variable rows per lead: $(psql_db -c "select 'act_ru_variable ' || round((select count(*) from act_ru_variable)::numeric / n, 1)
  || ', act_hi_varinst ' || round((select count(*) from act_hi_varinst)::numeric / n, 1)
  || ', act_hi_detail ' || round((select count(*) from act_hi_detail)::numeric / n, 1) from (select count(*) n from leads) l")"
echo "process instances running: $(psql_db -c "select count(*) from act_ru_execution where parent_id_ is null")"
echo "errors in the log: $(grep -c -E ' ERROR ' "$workdir/app.log" || true) (log kept in /tmp/$db.log)"
echo "after: $(bench_conditions)"

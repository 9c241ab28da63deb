#!/usr/bin/env bash
# Lead intake end to end on PostgreSQL (POST /api/leads → de-duplication → score → DRL assignment → process start →
# commit), closed loop with wrk at N concurrent clients, against pgbench doing one-row INSERT transactions on the same
# database with the same number of clients (BENCHMARKS.md). Database crmflow_bench_intake, created and dropped here.
# Usage: bench/intake.sh [seconds per point, default 60] [clients…, default 4 8 16]
#   CRMFLOW_BENCH_SCORING=camunda-dmn   score in business rule tasks on Camunda's DMN engine (bench/intake-camunda-dmn.sh)
#   CRMFLOW_BENCH_JVM="…"               extra JVM options (e.g. -XX:StartFlightRecording=duration=60s,filename=/tmp/x.jfr)
# Needs wrk (apt-get install wrk) and pgbench; PostgreSQL at 127.0.0.1:5432, user postgres, trust auth.
set -euo pipefail
source "$(dirname "$0")/lib/app.sh"
cd "$bench_root"
secs=${1:-60}; shift || true
clients=("${@:-}"); [ -z "${clients[0]}" ] && clients=(4 8 16)
scoring=${CRMFLOW_BENCH_SCORING:-drools}
profiles=postgres; db=crmflow_bench_intake; port=18082
if [ "$scoring" = camunda-dmn ]; then profiles=postgres,bench-camunda-dmn; db=crmflow_bench_intake_cdmn; port=18083; fi
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
run=0
for c in "${clients[@]}"; do
  run=$((run + 1))
  threads=$(( c < 2 ? c : 2 ))
  leads_before=$(psql_db -c "select count(*) from leads")
  app=$(BENCH_RUN=$run wrk -t "$threads" -c "$c" -d "${secs}s" --timeout 30s -s bench/intake.lua "$url" | grep RESULT)
  created=$(( $(psql_db -c "select count(*) from leads") - leads_before ))
  app_tps=$(sed 's/.* tps=\([0-9.]*\).*/\1/' <<< "$app")
  pg=$(pgbench -h 127.0.0.1 -U postgres -n -c "$c" -j "$threads" -T "$secs" -f "$workdir/insert.sql" "$db" 2>&1)
  pg_tps=$(grep -o 'tps = [0-9.]*' <<< "$pg" | head -1 | grep -o '[0-9.]*$')
  pg_lat=$(grep -o 'latency average = [0-9.]* ms' <<< "$pg" | grep -o '[0-9.]*')
  printf '%s clients: crmflow %s (leads created %s) | pgbench tps=%s latency_avg_ms=%s | ratio %.3f\n' "$c" "${app#RESULT }" \
    "$created" "$pg_tps" "$pg_lat" "$(echo "$app_tps / $pg_tps" | bc -l)"
done
echo "leads by status: $(psql_db -c "select string_agg(status || '=' || n, ' ') from (select status, count(*) n from leads group by status order by 1) s")"
echo "process instances running: $(psql_db -c "select count(*) from act_ru_execution where parent_id_ is null")"
echo "errors in the log: $(grep -c -E ' ERROR ' "$workdir/app.log" || true) (log kept in /tmp/$db.log)"
echo "after: $(bench_conditions)"

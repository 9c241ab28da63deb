#!/usr/bin/env bash
# Lead intake on the embedded default (H2 file database): what writing every commit before answering costs
# (BENCHMARKS.md, "Durable commits on the embedded H2 database"). The same jar, each variant on a fresh database of its own:
#   delayed  jdbc:h2:file:…;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=500   H2's default: commits reach the file up to ~0.5 s later
#   durable  jdbc:h2:file:…;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0     what application.yaml ships
# Per round both variants run back to back (the order alternates from round to round), each: start, demo reps widened so
# that leads keep being assigned, 20 s warm-up, then <points> consecutive wrk runs of <seconds> with <clients> clients
# (bench/intake.lua), each reported with the JVM's CPU per lead and the database file's size.
# Usage: bench/intake-h2.sh [seconds per point, default 60] [points, default 1] [rounds, default 1] [clients, default 4]
# Needs wrk (apt-get install wrk).
set -euo pipefail
source "$(dirname "$0")/lib/app.sh"
cd "$bench_root"
secs=${1:-60}; points=${2:-1}; rounds=${3:-1}; clients=${4:-4}
threads=$(( clients < 2 ? clients : 2 ))
port=18087
workdir=$(mktemp -d)
trap 'bench_stop; rm -rf "$workdir"' EXIT
declare -A delays=([delayed]=500 [durable]=0)

echo "before: $(bench_conditions)"
bench_layout "$workdir"
h2_jar=$(ls "$workdir"/app/lib/h2-*.jar)
url="http://127.0.0.1:$port"

jvm_cpu_ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }

# The 6 demo reps in every region, product line and industry, capacity 1 000 each: assigned, not pooled, for a whole run.
widen_demo_reps() {
  for rep in alice frank bob chen dana eli; do
    curl -sf -o /dev/null -u admin:admin -X PUT -H 'Content-Type: application/json' "$url/api/team/reps/$rep" -d \
      '{"regions":["EAST","SOUTH","NORTH","SOUTHWEST"],"productLines":["OTC","PRESCRIPTION","DEVICES","CONSUMABLES"],
        "industries":["HOSPITAL","PHARMACY","CLINIC","DISTRIBUTOR"],"capacity":1000}'
  done
}

measure() {
  local round=$1 variant=$2 data="$workdir/data-$1-$2"
  mkdir -p "$data"
  bench_start "$workdir" "$port" "jdbc:h2:file:$data/crmflow;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=${delays[$variant]}" -- \
    --logging.level.root=WARN --logging.level.io.crmflow=INFO
  widen_demo_reps
  BENCH_RUN=99 wrk -t "$threads" -c "$clients" -d 20s --timeout 30s -s bench/intake.lua "$url" | grep RESULT | sed "s/^/$variant warm-up /"
  for point in $(seq 1 "$points"); do
    local ticks_before result ticks tps
    ticks_before=$(jvm_cpu_ticks)
    result=$(BENCH_RUN=$point wrk -t "$threads" -c "$clients" -d "${secs}s" --timeout 30s -s bench/intake.lua "$url" | grep RESULT)
    ticks=$(( $(jvm_cpu_ticks) - ticks_before ))
    tps=$(sed 's/.* tps=\([0-9.]*\).*/\1/' <<< "$result")
    printf 'round %s %-7s (WRITE_DELAY=%s) point %s: %s | JVM CPU %.1f ms per lead | file %s MB | load average:%s\n' \
      "$round" "$variant" "${delays[$variant]}" "$point" "${result#RESULT }" \
      "$(echo "$ticks * 1000 / $(getconf CLK_TCK) / ($tps * $secs)" | bc -l)" \
      "$(( $(stat -c %s "$data/crmflow.mv.db") / 1048576 ))" "$(uptime | sed 's/.*load average://')"
    echo "$tps" >> "$workdir/tps-$variant-$point"
  done
  bench_stop
  echo "round $round $variant: file after a clean stop $(( $(stat -c %s "$data/crmflow.mv.db") / 1048576 )) MB;" \
    "errors in the log $(grep -c -E ' ERROR ' "$workdir/app.log" || true); leads by status $(java -cp "$h2_jar" org.h2.tools.Shell \
      -url "jdbc:h2:file:$data/crmflow" -user sa -password "" \
      -sql "select listagg(status || '=' || n, ' ') from (select status, count(*) n from leads group by status order by status)" | sed -n 2p)"
  rm -rf "$data"
}

for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then order=(delayed durable); else order=(durable delayed); fi
  for variant in "${order[@]}"; do measure "$round" "$variant"; done
  for point in $(seq 1 "$points"); do
    printf 'round %s point %s: durable / delayed leads/s = %.3f\n' "$round" "$point" \
      "$(echo "$(sed -n "${round}p" "$workdir/tps-durable-$point") / $(sed -n "${round}p" "$workdir/tps-delayed-$point")" | bc -l)"
  done
done
echo "after: $(bench_conditions)"

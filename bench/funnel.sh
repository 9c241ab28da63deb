#!/usr/bin/env bash
# Funnel over 1 000 000 opportunities and 4 000 000 stage rows on PostgreSQL (BENCHMARKS.md): the API call against the
# same aggregates written by hand in psql; then, when Debian's chromedriver is there, the dashboard drawn in headless
# Chromium. Uses a database of its own (crmflow_bench_funnel), created and dropped here.
# Usage: [OPPORTUNITIES=1000000] bench/funnel.sh [runs]
#        (builds the jar first if it is missing; PostgreSQL at 127.0.0.1:5432, user postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
opportunities=${OPPORTUNITIES:-1000000}
db=crmflow_bench_funnel
psql_bench() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
source bench/lib/app.sh
# Demo users only for the admin login of this run; the data below is generated, not the demo data.
bench_scratch_app "$db" 18081

echo "generating $opportunities opportunities and 4 stage rows each on average…"
start=$(date +%s)
psql_bench -v n="$opportunities" <<'SQL'
-- Contact days (g % 700) and owners ((g / 700) % 200, each in one region) vary independently, so every owner has opportunities
-- on every day, as 200 reps with 7 new opportunities a day would. Every opportunity reaches INITIAL_CONTACT; 90/80/70/60 % of them NEEDS_CONFIRMED/PROPOSAL/NEGOTIATION/WON: 4 rows each.
insert into opportunity (name, owner_id, region, stage, win_probability, amount, stage_entered_at, last_activity_at, created_at,
                         updated_at, closed_at, loss_reason)
select 'bench ' || g, 'rep' || ((g / 700) % 200), (array['EAST','SOUTH','NORTH','SOUTHWEST'])[(g / 700) % 4 + 1],
       case when g % 10 < 6 then 'WON' else 'LOST' end, case when g % 10 < 6 then 100 else 0 end, 10000 + g % 90000,
       now(), now(), now() - interval '1 day' * (g % 700), now(), now(), case when g % 10 >= 6 then 'PRICE' end
from generate_series(1, :n) g;
insert into opportunity_stage (opportunity_id, region, owner_id, stage, entered_at, left_at, exited_to, seconds_in_stage)
select o.id, o.region, o.owner_id, s.stage, o.created_at + interval '3 days' * s.step, o.created_at + interval '3 days' * (s.step + 1),
       case when s.stage = 'WON' then null when (o.id % 10) > 8 - s.step then 'LOST' else s.next end,
       case when s.stage = 'WON' then null else 259200 end
from opportunity o
join (values (0, 'INITIAL_CONTACT', 'NEEDS_CONFIRMED'), (1, 'NEEDS_CONFIRMED', 'PROPOSAL'), (2, 'PROPOSAL', 'NEGOTIATION'),
             (3, 'NEGOTIATION', 'WON'), (4, 'WON', null)) as s(step, stage, next)
  on s.step = 0 or (o.id % 10) < 10 - s.step
where o.name like 'bench %';
-- What the application keeps as it writes stage rows (StageRollup), here built in one statement for the generated rows.
insert into opportunity_stage_day (entered_on, stage, region, owner_id, entered, converted, lost, seconds_total, stays_ended)
select (entered_at at time zone 'Asia/Shanghai')::date, stage, region, owner_id, count(*), count(*) filter (where exited_to <> 'LOST'),
       count(*) filter (where exited_to = 'LOST'), coalesce(sum(seconds_in_stage), 0), count(seconds_in_stage)
from opportunity_stage group by 1, 2, 3, 4;
analyze opportunity; analyze opportunity_stage; analyze opportunity_stage_day;
SQL
echo "generated in $(( $(date +%s) - start )) s: $(psql_bench -c "select count(*) from opportunity") opportunities, $(psql_bench -c "select count(*) from opportunity_stage") stage rows, $(psql_bench -c "select count(*) from opportunity_stage_day") daily count rows"

api() {  # seconds for one call
  curl -fsS -o /dev/null -w '%{time_total}\n' -u admin:admin "http://localhost:18081/api/analytics/funnel$1"
}
handwritten() {  # milliseconds psql reports for the same aggregates (stages, then loss reasons), added up
  psql_bench -c '\timing on' -c "$1" -c "$2" | grep -o 'Time: [0-9.]* ms' | grep -o '[0-9.]*' | awk '{ total += $1 } END { print total }'
}
report() {
  local label=$1 query=$2 stages=$3 reasons=$4
  api "$query" > /dev/null   # first call warms the JIT and the caches
  local times=() sqls=()
  for _ in $(seq 1 "$runs"); do times+=("$(api "$query")"); sqls+=("$(handwritten "$stages" "$reasons")"); done
  printf '%s: API %s s (each run), median %s s; hand-written SQL in psql median %s ms\n' "$label" "${times[*]}" \
    "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")" \
    "$(printf '%s\n' "${sqls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")"
}
stages="select stage, count(*), count(*) filter (where exited_to <> 'LOST'), count(*) filter (where exited_to = 'LOST'),
  avg(seconds_in_stage) from opportunity_stage"
reasons="select loss_reason, count(*) from opportunity where stage = 'LOST'"
report "whole company" "" "$stages group by stage" "$reasons group by loss_reason"
report "one region (EAST)" "?region=EAST" "$stages where region = 'EAST' group by stage" "$reasons and region = 'EAST' group by loss_reason"
report "one rep (rep7)" "?owner=rep7" "$stages where owner_id = 'rep7' group by stage" "$reasons and owner_id = 'rep7' group by loss_reason"
report "one quarter (2026 Q1)" "?from=2026-01-01&to=2026-03-31" \
  "$stages where entered_at >= '2026-01-01T00:00+08:00' and entered_at < '2026-04-01T00:00+08:00' group by stage" \
  "$reasons and closed_at >= '2026-01-01T00:00+08:00' and closed_at < '2026-04-01T00:00+08:00' group by loss_reason"
if [ -x /usr/bin/chromedriver ]; then
  python3 bench/dashboard-load.py http://localhost:18081 admin admin "$runs"
fi

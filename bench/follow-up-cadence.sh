#!/usr/bin/env bash
# The daily follow-up cadence check (docs/product.md §13, BENCHMARKS.md, issue 20) over 100 000 customers on PostgreSQL: how
# long the step "Find customers behind" of processes/follow-up-cadence.bpmn takes, and that it opens follow-up tasks for
# exactly the customers behind. Uses a database of its own (crmflow_bench_cadence), created and dropped here.
# Usage: [CUSTOMERS=100000] bench/follow-up-cadence.sh
#        (builds the jar first if it is missing; PostgreSQL at 127.0.0.1:5432, user postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
customers=${CUSTOMERS:-100000}
db=crmflow_bench_cadence
psql_bench() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
source bench/lib/app.sh
bench_scratch_app "$db" 18083

echo "generating $customers customers and their activities…"
psql_bench -v n="$customers" <<'SQL'
-- Tiers 10/30/60 % A/B/C, 200 owners, every customer entered 90 days ago. Each has the activity its tier needs 2 days ago
-- (A: a VISIT, B: a CALL, C: an EMAIL) and A customers 2 DEMOs this month, except one in 100, whose last activity was
-- 60 days ago: behind for every tier. 10 % of the others have a second, older activity (more rows to skip).
insert into customer (name, name_key, tier, decided_tier, account_owner, region, industry, lifecycle, created_by, created_at, updated_at)
select 'cadence customer ' || g, 'cadence customer ' || g, (array['A','B','C','C','B','C','C','B','C','C'])[g % 10 + 1],
       (array['A','B','C','C','B','C','C','B','C','C'])[g % 10 + 1], 'rep' || (g % 200),
       (array['EAST','SOUTH','NORTH','SOUTHWEST'])[g % 4 + 1], 'PHARMACY', 'ACTIVE', 'bench', now() - interval '90 days', now()
from generate_series(1, :n) g;
insert into activity (customer_id, kind, occurred_at, minutes, late, recorded_by, recorded_at, updated_at)
select id, case tier when 'A' then 'VISIT' when 'B' then 'CALL' else 'EMAIL' end,
       case when id % 100 = 0 then now() - interval '60 days' else now() - interval '2 days' end, 30, false, account_owner, now(), now()
from customer where name like 'cadence customer %';
insert into activity (customer_id, kind, occurred_at, minutes, late, recorded_by, recorded_at, updated_at)
select id, 'IM', now() - interval '50 days', 5, false, account_owner, now(), now()
from customer where name like 'cadence customer %' and id % 10 = 1;
insert into activity (customer_id, kind, occurred_at, minutes, late, recorded_by, recorded_at, updated_at)
select c.id, 'DEMO', greatest(date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai', now() - interval '1 hour'),
       60, false, c.account_owner, now(), now()
from customer c cross join generate_series(1, 2) d where c.name like 'cadence customer %' and c.tier = 'A' and c.id % 100 <> 0;
analyze customer; analyze activity;
SQL
expected=$(psql_bench -c "select count(*) from customer where name like 'cadence customer %' and id % 100 = 0")
echo "customers: $(psql_bench -c "select count(*) from customer"), activities: $(psql_bench -c "select count(*) from activity"), behind by construction: $expected"

check() {  # runs the step "Find customers behind" once, synchronously, through Camunda's REST API; prints seconds
  curl -fsS -o /dev/null -w '%{time_total}\n' -u admin:admin -H 'Content-Type: application/json' \
    -d '{"startInstructions":[{"type":"startBeforeActivity","activityId":"ServiceTask_FindCustomersBehind"}]}' \
    "http://localhost:18083/engine-rest/process-definition/key/follow-up-cadence/start"
}
echo "conditions: $(bench_conditions)"
first=$(check)
opened=$(psql_bench -c "select count(*) from follow_up f join customer c on c.id = f.customer_id where c.name like 'cadence customer %'")
wrong=$(psql_bench -c "select count(*) from follow_up f where f.customer_id % 100 <> 0")
tasks=$(psql_bench -c "select count(*) from act_ru_task where task_def_key_ = 'Task_FollowUpCustomer'")
echo "first check (opens the follow-ups): $first s; follow-ups opened: $opened (expected $expected), for customers not behind: $wrong, tasks: $tasks"
second=$(check)
again=$(psql_bench -c "select count(*) from follow_up")
echo "second check (every customer behind already has an open follow-up): $second s; follow-ups now: $again"

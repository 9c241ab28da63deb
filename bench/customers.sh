#!/usr/bin/env bash
# GET /api/customers?size=50 over 100 000 customers on PostgreSQL (BENCHMARKS.md, issue 19): the first page with its
# total for an administrator, a region's manager and a rep, and with the tier and name filters. Uses a database of its
# own (crmflow_bench_customers), created and dropped here.
# Usage: [CUSTOMERS=100000] bench/customers.sh [runs]
#        (builds the jar first if it is missing; PostgreSQL at 127.0.0.1:5432, user postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
customers=${CUSTOMERS:-100000}
db=crmflow_bench_customers
psql_bench() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
source bench/lib/app.sh
# Demo users for the logins of this run (admin, mia manages EAST and SOUTH, alice a rep of EAST); the customers are generated.
bench_scratch_app "$db" 18082

echo "generating $customers customers…"
psql_bench -v n="$customers" <<'SQL'
-- 200 owners in 4 regions (alice, a demo rep of EAST, owns one in 200), tiers 10/30/60 % A/B/C, every third one tagged.
insert into customer (name, name_key, tier, decided_tier, account_owner, region, industry, lifecycle, created_by, created_at, updated_at)
select 'bench customer ' || g, 'bench customer ' || g, (array['A','B','C','C','B','C','C','B','C','C'])[g % 10 + 1],
       (array['A','B','C','C','B','C','C','B','C','C'])[g % 10 + 1], case when g % 200 = 0 then 'alice' else 'rep' || (g % 200) end,
       (array['EAST','SOUTH','NORTH','SOUTHWEST'])[g % 4 + 1], 'HOSPITAL', 'POTENTIAL', 'bench',
       now() - interval '1 minute' * g, now()
from generate_series(1, :n) g;
insert into customer_tag (customer_id, tag) select id, '高意向' from customer where name like 'bench customer %' and id % 3 = 0;
analyze customer; analyze customer_tag;
SQL
echo "customers: $(psql_bench -c "select count(*) from customer")"

call() {  # seconds for one call
  curl -fsS -o /dev/null -w '%{time_total}\n' -u "$1:$1" "http://localhost:18082/api/customers$2"
}
report() {
  local user=$1 query=$2 times=()
  call "$user" "$query" > /dev/null   # first call warms the JIT and the caches
  for _ in $(seq 1 "$runs"); do times+=("$(call "$user" "$query")"); done
  printf '%-6s %-40s each run %s s, median %s s\n' "$user" "$query" "${times[*]}" \
    "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")"
}
report admin "?size=50"
report admin "?size=50&tier=A"
report admin "?size=50&tag=%E9%AB%98%E6%84%8F%E5%90%91"
report admin "?size=50&q=customer%2099"
report mia "?size=50"
report alice "?size=50"

#!/usr/bin/env bash
# Rules workbench on PostgreSQL (BENCHMARKS.md, issue 23): the grade calibration over 1 000 000 leads
# (GET /api/rules/calibration), and the replay of a candidate lead-score.dmn over the last 10 000 leads, plain and with
# progress (POST /api/rules/candidates/{id}/replay?last=10000[&progress=1]). Uses a database of its own
# (crmflow_bench_rules), created and dropped here.
# Usage: [LEADS=1000000] bench/rules.sh [runs]
#        (builds the jar first if it is missing; PostgreSQL at 127.0.0.1:5432, user postgres)
set -Eeuo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
leads=${LEADS:-1000000}
db=crmflow_bench_rules
port=18723
psql_bench() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
source bench/lib/app.sh
bench_scratch_app "$db" "$port"
# A failed step shows what the application said (its folder is removed on exit).
trap 'tail -60 "$bench_scratch_workdir/app.log" >&2' ERR
bench_sales_team "$db"
active=$(curl -fsS -u rui:rui "http://localhost:$port/api/rules" | python3 -c 'import json,sys; a=json.load(sys.stdin)["active"]; print(a["id"], a["version"])')
read -r active_id active_version <<< "$active"

echo "generating $leads leads over 23 months, their opportunities, and the decisions of the newest 10 000…"
start=$(date +%s)
psql_bench -v n="$leads" -v version="$active_version" <<'SQL'
-- Newest lead = highest id, one a minute; inputs spread over every row of lead-score.dmn, the grade as the shipped table
-- gives it. Qualified in 50/35/20/5 % of A/B/C/D leads after 1–30 days, half of those won.
insert into leads (name, source, region, industry, product_line, visits_30d, dwell_seconds, score, grade, status, created_at, updated_at)
select 'bench ' || g, s.source, (array['EAST','SOUTH','NORTH','SOUTHWEST'])[g % 4 + 1],
       (array['HOSPITAL','PHARMACY','CLINIC','DISTRIBUTOR'])[g / 4 % 4 + 1], (array['OTC','PRESCRIPTION','DEVICES','CONSUMABLES'])[g / 16 % 4 + 1],
       g % 15, g * 7 % 900, s.score, s.grade, 'DISQUALIFIED', now() - interval '1 minute' * (:n - g), now()
from generate_series(1, :n) g,
     lateral (select (array['REFERRAL','TRADE_SHOW','WEBSITE','PARTNER','WECHAT','ONLINE_AD','COLD_CALL','OTHER'])[g % 8 + 1] as source) src,
     lateral (select least(100, (array[40,30,25,25,20,15,10,5])[g % 8 + 1]
                  + case when g % 15 >= 10 then 30 when g % 15 >= 5 then 20 when g % 15 >= 2 then 10 else 0 end
                  + case when g * 7 % 900 >= 600 then 30 when g * 7 % 900 >= 300 then 20 when g * 7 % 900 >= 60 then 10 else 0 end) as score) sc,
     lateral (select src.source, sc.score, case when sc.score >= 80 then 'A' when sc.score >= 60 then 'B' when sc.score >= 40 then 'C' else 'D' end as grade) s;
update leads set status = 'CONVERTED'
where name like 'bench %' and id * 7919 % 100 < case grade when 'A' then 50 when 'B' then 35 when 'C' then 20 else 5 end;
insert into opportunity (lead_id, name, owner_id, region, stage, win_probability, stage_entered_at, last_activity_at, created_at, updated_at)
select id, name, 'bench1', region, case when id % 2 = 0 then 'WON' else 'LOST' end, 0, now(), now(),
       least(now(), created_at + interval '1 day' * (id * 13 % 30 + 1)), now()
from leads where status = 'CONVERTED' and name like 'bench %';
-- What intake records for the newest 10 000 leads: a scoring and an assignment decision each.
insert into lead_decision (lead_id, kind, inputs, outputs, matched_rules, rule_set_version, decided_at)
select id, 'SCORE', json_build_object('source', source, 'visits30d', visits_30d, 'dwellSeconds', dwell_seconds)::text,
       json_build_object('leadScore', score, 'grade', grade)::text, '[]', :'version', created_at
from leads where name like 'bench %' order by id desc limit 10000;
insert into lead_decision (lead_id, kind, inputs, outputs, matched_rules, rule_set_version, decided_at)
select id, 'ASSIGNMENT', json_build_object('region', region, 'productLine', product_line, 'industry', industry, 'excludedOwners', json_build_array())::text,
       '{}', '[]', :'version', created_at
from leads where name like 'bench %' order by id desc limit 10000;
analyze leads; analyze opportunity; analyze lead_decision;
SQL
echo "generated in $(( $(date +%s) - start )) s: $(psql_bench -c "select count(*) from leads") leads, $(psql_bench -c "select count(*) from opportunity") opportunities, $(psql_bench -c "select count(*) from lead_decision") decisions"
echo "conditions: $(bench_conditions)"

median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
timed() {  # seconds for one call: method, path
  curl -fsS -o /dev/null -w '%{time_total}\n' -u rui:rui -X "$1" "http://localhost:$port$2"
}
report() {
  local label=$1 method=$2 path=$3 times=()
  timed "$method" "$path" > /dev/null   # first call warms the JIT and the caches
  for _ in $(seq 1 "$runs"); do times+=("$(timed "$method" "$path")"); done
  printf '%s: each run %s s, median %s s\n' "$label" "${times[*]}" "$(printf '%s\n' "${times[@]}" | median)"
}

report "calibration, last 12 months (~520 000 leads)" GET "/api/rules/calibration?months=12"
report "calibration, last 24 months (all $leads leads)" GET "/api/rules/calibration?months=24"
echo "the same two statements in psql (24 months), EXPLAIN ANALYZE:"
period="l.created_at >= now() - interval '24 months' and l.created_at < now() and l.grade is not null"
for sql in "select l.grade, l.source, count(*), count(case when l.status = 'CONVERTED' or o.id is not null then 1 end),
    count(case when o.stage = 'WON' then 1 end) from leads l left join opportunity o on o.lead_id = l.id where $period
    group by l.grade, l.source" \
  "select l.grade, l.source, grouping(l.source),
    percentile_cont(0.5) within group (order by extract(epoch from o.created_at - l.created_at) / 86400)
    from leads l join opportunity o on o.lead_id = l.id where $period group by grouping sets ((l.grade), (l.grade, l.source))"; do
  psql_bench -c "explain (analyze, buffers) $sql" | grep -E "Execution Time|Scan on|Join|Aggregate|Sort Method" | sed 's/^/  /'
done

# The candidate: WEBSITE/PARTNER 25 → 40 points, saved as a rules owner would upload it.
work=$(mktemp -d)
curl -fsS -u rui:rui "http://localhost:$port/api/rules/candidates/$active_id/files/lead-score.dmn" \
  | sed 's|<outputEntry id="SourcePoints_Row3_Out"><text>25</text>|<outputEntry id="SourcePoints_Row3_Out"><text>40</text>|' > "$work/lead-score.dmn"
upload_seconds=$(curl -fsS -o "$work/candidate.json" -w '%{time_total}' -u rui:rui -F "files=@$work/lead-score.dmn" "http://localhost:$port/api/rules/candidates")
candidate=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$work/candidate.json")
echo "candidate $candidate uploaded and validated (compiled, probed, 1 000 leads replayed) in $upload_seconds s"

report "replay of the last 10 000 leads (JSON)" POST "/api/rules/candidates/$candidate/replay?last=10000"
curl -fsS -N -u rui:rui -X POST "http://localhost:$port/api/rules/candidates/$candidate/replay?last=10000&progress=1" \
  | python3 -c '
import json, sys, time
start = time.monotonic(); first = None; lines = 0
for line in sys.stdin:
    lines += 1
    message = json.loads(line)
    if "decided" in message and first is None:
        first = time.monotonic() - start
    if "replay" in message:
        lead = next(r for r in message["replay"]["reports"] if r["kind"] == "lead")
        changed = len({d["record"] for d in lead["differences"] if d["field"] == "grade"})
        print("replay with progress: %d progress lines, the first after %.2f s, report after %.2f s; %d of %d leads change grade"
              % (lines - 1, first or 0, time.monotonic() - start, changed, lead["replayed"]))'
rm -rf "$work"

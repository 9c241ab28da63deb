#!/usr/bin/env bash
# The job executor's acquisition query with and without the due-date index (issue 25, io.crmflow.process.EngineIndexes):
# Camunda 7.24's selectNextJobsToExecute (Job.xml, LIMIT 4 = max-jobs-per-acquisition) on Camunda's own PostgreSQL
# schema (from the engine jar inside the application jar) with <jobs> timer jobs, median of 15 runs each, in two states:
# idle (nothing due: the once-a-second poll) and backlog (half of the jobs due, 4 locked by a node), unordered
# (the starter's default) and ordered by due date (jobExecutorAcquireByDueDate). About a minute.
# Usage: bench/job-acquisition.sh [jobs, default 40000]. Database crmflow_bench_acquisition, created and dropped here.
set -euo pipefail
source "$(dirname "$0")/lib/app.sh"
jobs=${1:-40000}; db=crmflow_bench_acquisition
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"; psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" >/dev/null' EXIT
psql_db() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
echo "before: $(bench_conditions)"
(cd "$workdir" && unzip -q -o "$(bench_jar)" 'BOOT-INF/lib/camunda-engine-7*.jar' && unzip -q -o BOOT-INF/lib/camunda-engine-7*.jar \
  org/camunda/bpm/engine/db/create/activiti.postgres.create.engine.sql)
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db"
psql_db -f "$workdir/org/camunda/bpm/engine/db/create/activiti.postgres.create.engine.sql" >/dev/null
psql_db -c "insert into act_ru_job (id_, rev_, type_, exclusive_, process_instance_id_, retries_, duedate_, handler_type_,
  suspension_state_, priority_, sequence_counter_, create_time_) select 'j' || g, 1, 'timer', true, 'p' || g, 3, now(),
  'timer-transition', 1, 0, 1, now() from generate_series(1, $jobs) g"
q="select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ from ACT_RU_JOB RES where (RES.RETRIES_ > 0)
  and (RES.DUEDATE_ is null or RES.DUEDATE_ <= now()) and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < now())
  and RES.SUSPENSION_STATE_ = 1 and ((RES.EXCLUSIVE_ = true and not exists(select J2.ID_ from ACT_RU_JOB J2
  where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true) and (J2.LOCK_OWNER_ is not null
  and J2.LOCK_EXP_TIME_ >= now()))) or RES.EXCLUSIVE_ = false)"
median() { (echo '\timing on'; for _ in $(seq 15); do echo "$1;"; done) | psql_db | grep '^Time' | awk '{print $2}' | sort -n | sed -n 8p; }
for state in idle backlog; do
  if [ "$state" = idle ]; then
    psql_db -c "update act_ru_job set duedate_ = now() + interval '1 day', lock_owner_ = null, lock_exp_time_ = null" -c "vacuum analyze act_ru_job"
  else
    psql_db -c "update act_ru_job set duedate_ = case when substr(id_, 2)::int % 2 = 0 then now() - interval '60 s' else now() + interval '1 day' end" \
      -c "update act_ru_job set lock_owner_ = 'n1', lock_exp_time_ = now() + interval '1 day' where id_ in ('j2', 'j4', 'j6', 'j8')" -c "vacuum analyze act_ru_job"
  fi
  for index in without with; do
    [ "$index" = with ] && psql_db -c "create index CRMFLOW_IDX_JOB_DUEDATE on act_ru_job (duedate_)" -c "analyze act_ru_job"
    echo "$jobs jobs, $state, $index the due-date index: unordered $(median "$q LIMIT 4") ms, by due date $(median "$q order by RES.DUEDATE_ ASC LIMIT 4") ms"
    [ "$index" = with ] && psql_db -c "drop index CRMFLOW_IDX_JOB_DUEDATE"
  done
done
echo "after: $(bench_conditions)"

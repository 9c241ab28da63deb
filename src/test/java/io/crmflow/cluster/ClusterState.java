package io.crmflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the nodes left in the shared database, read the way an operator would check a cluster. */
final class ClusterState {

    /** A lead with what happened to it and where its process stands. */
    record LeadState(long id, String externalId, String status, String processInstanceId, boolean processExists, int assigned,
                     int reclaimed, int dispatchTasks, int openJobs) {
    }

    /** Executions of one job, from the engine's job log. */
    record JobRuns(String jobId, String activity, int successes, String executedBy, java.sql.Timestamp executedAt) {
    }

    private final JdbcClient jdbc;

    /** Where the short deadlines take every lead: reclaimed twice, back in the pool, its process waiting for the manager. */
    static void assertSettled(LeadState lead) {
        assertThat(lead.processExists()).as("process of lead %s", lead.id()).isTrue();
        assertThat(lead.status()).as("status of lead %s", lead.id()).isEqualTo("IN_POOL");
        assertThat(lead.assigned()).as("assignments of lead %s", lead.id()).isEqualTo(ShortTimerRules.RECLAIMS_PER_LEAD);
        assertThat(lead.reclaimed()).as("reclaims of lead %s", lead.id()).isEqualTo(ShortTimerRules.RECLAIMS_PER_LEAD);
        assertThat(lead.dispatchTasks()).as("dispatch tasks of lead %s", lead.id()).isEqualTo(1);
        assertThat(lead.openJobs()).as("jobs of lead %s", lead.id()).isZero();
    }

    ClusterState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<LeadState> leads() {
        return jdbc.sql("""
                        select l.id, l.external_id, l.status, l.process_instance_id,
                               exists (select 1 from act_hi_procinst p where p.id_ = l.process_instance_id) as process_exists,
                               (select count(*) from lead_event e where e.lead_id = l.id and e.type = 'ASSIGNED') as assigned,
                               (select count(*) from lead_event e where e.lead_id = l.id and e.type = 'RECLAIMED') as reclaimed,
                               (select count(*) from act_ru_task t where t.proc_inst_id_ = l.process_instance_id
                                    and t.task_def_key_ = 'Task_DispatchLead') as dispatch_tasks,
                               (select count(*) from act_ru_job j where j.process_instance_id_ = l.process_instance_id) as open_jobs
                        from leads l order by l.id""")
                .query((rs, row) -> new LeadState(rs.getLong("id"), rs.getString("external_id"), rs.getString("status"),
                        rs.getString("process_instance_id"), rs.getBoolean("process_exists"), rs.getInt("assigned"),
                        rs.getInt("reclaimed"), rs.getInt("dispatch_tasks"), rs.getInt("open_jobs")))
                .list();
    }

    /** Every lead has been reclaimed as often as the short deadlines make it, and no job of the leads is left. */
    boolean leadsSettled() {
        return jdbc.sql("""
                        select count(*) from leads l
                        where (select count(*) from lead_event e where e.lead_id = l.id and e.type = 'RECLAIMED') < ?""")
                .param(ShortTimerRules.RECLAIMS_PER_LEAD).query(Long.class).single() == 0
                && jdbc.sql("select count(*) from act_ru_job where process_def_key_ = 'lead-qualification'").query(Long.class).single() == 0;
    }

    /** Job-log view of every timer job of a process: how often it succeeded, and on which node. */
    List<JobRuns> timerRuns(String processKey) {
        return jdbc.sql("""
                        select job_id_, min(act_id_) as activity, count(*) filter (where job_state_ = 2) as successes,
                               min(hostname_) filter (where job_state_ = 2) as executed_by,
                               min(timestamp_) filter (where job_state_ = 2) as executed_at
                        from act_hi_job_log where process_def_key_ = ? and job_def_type_ like 'timer%'
                        group by job_id_""")
                .param(processKey)
                .query((rs, row) -> new JobRuns(rs.getString("job_id_"), rs.getString("activity"), rs.getInt("successes"),
                        rs.getString("executed_by"), rs.getTimestamp("executed_at")))
                .list();
    }

    /** Count of each ticket event type per ticket, e.g. {@code {17={SLA_WARNING=2, SLA_BREACHED=2}}}. */
    Map<Long, Map<String, Long>> ticketEvents() {
        return jdbc.sql("select ticket_id, type, count(*) as n from ticket_event group by ticket_id, type")
                .query((rs, row) -> Map.entry(rs.getLong("ticket_id"), Map.entry(rs.getString("type"), rs.getLong("n"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.toMap(entry -> entry.getValue().getKey(),
                        entry -> entry.getValue().getValue())));
    }

    /** No SLA timer is left (every clock breached or stopped) and every notification is out. */
    boolean ticketsSettled() {
        return jdbc.sql("select count(*) from act_ru_job where process_def_key_ = 'service-ticket'").query(Long.class).single() == 0
                && outboxByStatus().getOrDefault("PENDING", 0L) == 0;
    }

    Map<String, Long> outboxByStatus() {
        return jdbc.sql("select status, count(*) as n from notification_outbox group by status")
                .query((rs, row) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    long incidents() {
        return jdbc.sql("select count(*) from act_ru_incident").query(Long.class).single();
    }

    /** Polls until the condition holds; false when the deadline passed first. */
    static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            CrmflowNode.sleep(Duration.ofMillis(500));
        }
        return condition.getAsBoolean();
    }
}

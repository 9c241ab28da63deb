package io.crmflow.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Indexes crmflow adds to Camunda's tables where Camunda 7.24's own schema (org/camunda/bpm/engine/db/create/
 * activiti.{h2,postgres}.create.engine.sql) has none and crmflow's load makes the engine read a whole table.
 *
 * <p>Made here, once the engine has created or updated its own schema, not by a Flyway migration: Flyway may run before
 * Camunda's tables exist (a new database) or after (Camunda first), and only this point comes after them in both cases.
 * {@code if not exists} keeps it idempotent on every start, on H2 and PostgreSQL alike; two nodes never run it at once
 * (io.crmflow.persistence.StartUpLock serializes starts on one database).
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    /** One index on one of Camunda's tables (named without the configured table prefix). */
    record EngineIndex(String name, String table, String column, String reason) {
    }

    static final List<EngineIndex> INDEXES = List.of(
            new EngineIndex("CRMFLOW_IDX_JOB_DUEDATE", "ACT_RU_JOB", "DUEDATE_",
                    "Every job acquisition (once a second per node while idle, continuously while timers fire) filters on DUEDATE_ <= now "
                            + "and, with jobExecutorAcquireByDueDate, orders by it; every open lead has a timer job (bench/job-acquisition.sh, "
                            + "40 000 jobs on a shared machine: 53-99 ms per idle acquisition without, 2-4 ms with; ordered by due date with "
                            + "20 000 due 75 ms without, 10-19 ms with)."),
            new EngineIndex("CRMFLOW_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_",
                    "Deleting a task (a contact deadline interrupting its Contact lead task, any boundary event, a cancelled process) "
                            + "first selects its sub-tasks by PARENT_TASK_ID_; every open lead has an open task, so without the index each "
                            + "deletion reads all of them (seen in pg_stat_activity during a burst of contact timers, issue 25; 44 000 open tasks "
                            + "on a loaded machine: 17 ms per look-up without, 0.05 ms with)."),
            new EngineIndex("CRMFLOW_IDX_JOB_LOCK_EXP", "ACT_RU_JOB", "LOCK_EXP_TIME_",
                    "Every job acquisition leaves out the jobs of process instances that have a job locked right now (exclusive jobs); "
                            + "PostgreSQL finds those locked jobs first, and without the index by reading the whole job table, every open "
                            + "lead's timer included (issue 25, EXPLAIN ANALYZE over 5 000 jobs: 0.6-0.8 ms per acquisition without, 0.03-0.06 ms "
                            + "with; 3.7 ms on average during a burst of 10 000 timers without)."));

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        try (Connection connection = configuration.getDataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (EngineIndex index : INDEXES) {
                statement.execute("create index if not exists " + index.name() + " on "
                        + configuration.getDatabaseTablePrefix() + index.table() + " (" + index.column() + ")");
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not create crmflow's indexes on the engine's tables", e);
        }
    }
}

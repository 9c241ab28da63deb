package io.crmflow.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * An index on the job table's due date, which Camunda's schema does not have: every job acquisition (once a second per
 * node while idle, continuously while timers fire) filters on {@code DUEDATE_ <= now} and, with
 * {@code jobExecutorAcquireByDueDate}, orders by it. Without the index PostgreSQL reads the whole job table each time,
 * and every open lead has a timer job there (bench/job-acquisition.sh, 40 000 jobs on a shared machine: 53-99 ms per idle
 * acquisition without, 2-4 ms with; ordered by due date with 20 000 due 75 ms without, 10-19 ms with).
 *
 * <p>Made here, once the engine has created or updated its own schema, not by a Flyway migration: Flyway may run before
 * Camunda's tables exist (a new database) or after (Camunda first), and only this point comes after them in both cases.
 * {@code if not exists} keeps it idempotent on every start, on H2 and PostgreSQL alike; two nodes never run it at once
 * (io.crmflow.persistence.StartUpLock serializes starts on one database).
 */
@Component
class JobDueDateIndex extends AbstractProcessEnginePlugin {

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        try (Connection connection = configuration.getDataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create index if not exists CRMFLOW_IDX_JOB_DUEDATE on " + configuration.getDatabaseTablePrefix() + "ACT_RU_JOB (DUEDATE_)");
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not create the index on the job table's due date", e);
        }
    }
}

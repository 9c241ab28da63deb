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
 * Every job gets a due date (Camunda's {@code ensureJobDueDateNotNull}: jobs that run "now" — async continuations, batch
 * jobs — are due at their creation), so the job acquisition looks only for {@code DUEDATE_ <= now} instead of
 * {@code DUEDATE_ is null or DUEDATE_ <= now}: a plain range that PostgreSQL answers by walking the due-date index in
 * order and stopping after the few jobs one acquisition takes, where the {@code or} made it collect and sort every due
 * job (issue 25, BENCHMARKS.md: in a burst of contact timers the acquisition was the statement PostgreSQL spent most
 * time on).
 *
 * <p>The engine only leaves out jobs without a due date from then on; jobs made before (by a node or a version without
 * this setting) would never be acquired. So at every start the jobs still without one get their creation time, the
 * moment they were meant to run. In a rolling update, the last node to start no longer shares the database with a node
 * that makes jobs without due dates, so its start leaves none behind.
 */
@Component
class JobDueDates extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        try (Connection connection = configuration.getDataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("update " + configuration.getDatabaseTablePrefix() + "ACT_RU_JOB"
                    + " set DUEDATE_ = coalesce(CREATE_TIME_, current_timestamp) where DUEDATE_ is null");
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not give the engine's jobs without a due date one", e);
        }
    }
}

package io.crmflow.demo;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The past in which the demo history happens. crmflow takes its time from the engine's clock ({@code EngineClock}), so
 * moving that clock back makes every record, stage entry, decision, audit entry and timer of a step carry the step's
 * date. While the history is written the job executor is paused and this class runs the jobs that fall due as the clock
 * moves forward, in order (a lead's contact deadline, an SLA breach, an installment's dunning): exactly what the job
 * executor would have done at that time. Afterwards the clock is back to real time and the job executor resumes, and
 * runs what is due by now (the reminders of what is still open).
 * <p>The clock is the engine's, so for everyone: this is why the history is written only into a new demo database.
 */
final class DemoClock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoClock.class);
    private static final int MAX_JOBS_PER_STEP = 500;

    private final ManagementService management;
    private final JobExecutor jobExecutor;
    private final boolean executorWasActive;
    private long jobsRun;
    private long jobsFailed;

    /**
     * Stops the job executor while the history is written: its threads would run the same due jobs at once (optimistic
     * locking failures and half-done jobs). With job execution on, it is waited for first: the starter starts it on an
     * event of its own, possibly after the application was reported ready.
     */
    DemoClock(ProcessEngine engine, boolean jobExecutionEnabled) {
        this.management = engine.getManagementService();
        this.jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (jobExecutionEnabled && jobExecutor != null) {
            Instant giveUp = Instant.now().plusSeconds(60);
            while (!jobExecutor.isActive() && Instant.now().isBefore(giveUp)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        this.executorWasActive = jobExecutor != null && jobExecutor.isActive();
        if (executorWasActive) {
            jobExecutor.shutdown();
        }
    }

    /** Moves the engine's clock to {@code instant} and runs the jobs due by then, oldest first. */
    void moveTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
        runDueJobs();
    }

    /** Jobs due now (timers, asynchronous continuations), including those the jobs themselves create. */
    void runDueJobs() {
        for (int round = 0; round < MAX_JOBS_PER_STEP; round++) {
            List<Job> due = management.createJobQuery().executable().orderByJobDuedate().asc().orderByJobId().asc().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            try {
                management.executeJob(due.get(0).getId());
                jobsRun++;
            } catch (RuntimeException failed) {
                // The engine has counted the retry down (an incident after the last one), as with the job executor; go on.
                jobsFailed++;
                log.debug("Demo history: job {} failed: {}", due.get(0).getId(), failed.getMessage());
            }
        }
    }

    long jobsRun() {
        return jobsRun;
    }

    long jobsFailed() {
        return jobsFailed;
    }

    @Override
    public void close() {
        ClockUtil.reset();
        if (executorWasActive) {
            jobExecutor.start();
        }
    }
}

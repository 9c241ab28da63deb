package io.crmflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;

import io.crmflow.ProcessIntegrationTest;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every job has a due date, so the job acquisition can leave out jobs without one; a job from before (made without the
 * setting) would then never run, until the start-up gives it its creation time. The acquisition itself is the engine's
 * (AcquireJobsCmd), run here by hand as the tests' engine has no job executor running.
 */
class JobDueDatesTest extends ProcessIntegrationTest {

    private static final String PROCESS = "jobDueDatesTest";

    @Autowired
    JdbcClient jdbc;

    private String deploymentId;

    @AfterEach
    void removeTheProcessAndUnlockWhatTheAcquisitionsLocked() {
        if (deploymentId != null) {
            processEngine.getRepositoryService().deleteDeployment(deploymentId, true);
        }
        jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where LOCK_OWNER_ = ?").param(jobExecutor().getLockOwner()).update();
    }

    @Test
    void aJobThatRunsNowIsDueAtItsCreationAndAJobFromBeforeWithoutADueDateGetsOneAtStart() {
        deploymentId = processEngine.getRepositoryService().createDeployment()
                .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                        .startEvent().camundaAsyncAfter().userTask("Task_Wait").endEvent().done())
                .deploy().getId();
        String instance = processEngine.getRuntimeService().startProcessInstanceByKey(PROCESS, "job-due-dates").getId();
        Job continuation = processEngine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();

        assertThat(continuation.getDuedate()).isNotNull().isCloseTo(continuation.getCreateTime(), 1_000);
        assertThat(acquirable()).contains(continuation.getId());

        // As a node without the setting would have made it (and unlocked again).
        jdbc.sql("update ACT_RU_JOB set DUEDATE_ = null, LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where ID_ = ?").param(continuation.getId()).update();
        assertThat(acquirable()).doesNotContain(continuation.getId());

        new JobDueDates().postProcessEngineBuild(processEngine);

        Job fixed = processEngine.getManagementService().createJobQuery().jobId(continuation.getId()).singleResult();
        assertThat(fixed.getDuedate()).isEqualTo(continuation.getCreateTime());
        assertThat(acquirable()).contains(continuation.getId());
        processEngine.getManagementService().executeJob(continuation.getId());
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_Wait").count()).isOne();
    }

    /** The ids of the jobs one acquisition (large enough for every due job of the shared test database) would lock. */
    private Collection<String> acquirable() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(jobExecutor(), 10_000))
                .getJobIdBatches().stream().flatMap(List::stream).toList();
    }

    private JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor();
    }
}

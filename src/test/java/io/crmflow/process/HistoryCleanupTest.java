package io.crmflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import io.crmflow.ProcessIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * Camunda's history is cleaned up for real with the shipped configuration (application.yaml): the batch window makes
 * the engine schedule the nightly cleanup job at start-up, and a run of that job removes finished instances whose
 * time to live is over. The instances here end on a clock set back in time, so that at the real time only they (and
 * whatever other tests ended that long ago) are due for removal: the shared context's recent history stays untouched.
 */
class HistoryCleanupTest extends ProcessIntegrationTest {

    private static final Duration TIME_TO_LIVE = Duration.ofDays(180);

    @Test
    void finishedInstancesLeaveTheHistoryOnceTheirTimeToLiveIsOver() {
        HistoryService history = processEngine.getHistoryService();
        List<Job> nightly = history.findHistoryCleanupJobs();
        assertThat(nightly).as("scheduled by the engine itself because a batch window is configured").hasSize(1);
        assertThat(LocalTime.ofInstant(nightly.get(0).getDuedate().toInstant(), ZoneId.systemDefault()))
                .isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));

        String key = "history-cleanup-" + unique("probe");
        processEngine.getRepositoryService().createDeployment().name(key)
                .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).startEvent().endEvent().done()).deploy();
        ProcessDefinition definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(key).singleResult();
        assertThat(definition.getHistoryTimeToLive()).as("the default TTL of application.yaml").isEqualTo((int) TIME_TO_LIVE.toDays());

        Instant now = Instant.now();
        String expired = instanceEndedAt(key, now.minus(TIME_TO_LIVE).minus(Duration.ofDays(1)));
        String kept = instanceEndedAt(key, now.minus(TIME_TO_LIVE).plus(Duration.ofDays(1)));
        ClockUtil.reset();

        runCleanupNow();

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(expired).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(expired).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(kept).count()).isOne();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(kept).count()).isEqualTo(2);
    }

    private String instanceEndedAt(String key, Instant end) {
        ClockUtil.setCurrentTime(Date.from(end));
        String id = processEngine.getRuntimeService().startProcessInstanceByKey(key).getId();
        HistoricProcessInstance ended = processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(ended.getRemovalTime()).isEqualTo(Date.from(end.plus(TIME_TO_LIVE)));
        return id;
    }

    /**
     * What the job executor does in the window, run here by hand (tests have no job executor): the job deletes one batch
     * per table and run, and the engine makes it due again at once while a batch came back full.
     */
    private void runCleanupNow() {
        ManagementService management = processEngine.getManagementService();
        Job cleanup = processEngine.getHistoryService().cleanUpHistoryAsync(true);
        do {
            management.executeJob(cleanup.getId());
            cleanup = management.createJobQuery().jobId(cleanup.getId()).singleResult();
        } while (!cleanup.getDuedate().after(ClockUtil.getCurrentTime()));
    }
}

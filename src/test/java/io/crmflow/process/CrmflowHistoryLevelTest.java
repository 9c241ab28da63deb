package io.crmflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.ProcessIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The shipped history level (application.yaml): Camunda's history minus the variable details, and a database recorded
 * at another level is switched to the configured one instead of refusing to start.
 */
class CrmflowHistoryLevelTest extends ProcessIntegrationTest {

    @Test
    void keepsLastValuesTheJobLogAndTheActivitiesButNotEveryVariableWrite() {
        assertThat(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getHistoryLevel().getName())
                .isEqualTo("crmflow");
        String key = "history-level-" + unique("probe");
        processEngine.getRepositoryService().createDeployment().name(key)
                .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).startEvent()
                        .intermediateCatchEvent("wait").timerWithDuration("PT1H").endEvent().done()).deploy();
        String id = processEngine.getRuntimeService().startProcessInstanceByKey(key, Map.of("stage", "first")).getId();
        processEngine.getRuntimeService().setVariable(id, "stage", "second");

        HistoryService history = processEngine.getHistoryService();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("stage").singleResult().getValue())
                .isEqualTo("second");
        assertThat(history.createHistoricDetailQuery().processInstanceId(id).count()).as("no row per variable write").isZero();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(id).creationLog().count())
                .as("the job log, the cluster tests' evidence of which node ran a timer").isOne();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).activityId("wait").count()).isOne();
    }

    @Test
    void aDatabaseRecordedAtAnotherLevelFollowsTheConfiguration() {
        DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:" + unique("history-level") + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcClient jdbc = JdbcClient.create(database);
        Consumer<String> startAt = level -> {
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) new StandaloneInMemProcessEngineConfiguration()
                    .setDataSource(database).setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                    .setHistory(level).setJobExecutorActivate(false).setProcessEngineName(unique("history-level"));
            configuration.setProcessEnginePlugins(List.of(new CrmflowHistoryLevel()));
            ProcessEngine engine = configuration.buildProcessEngine();
            engine.close();
        };
        String recorded = "select value_ from act_ge_property where name_ = 'historyLevel'";

        startAt.accept(ProcessEngineConfiguration.HISTORY_FULL);
        assertThat(jdbc.sql(recorded).query(String.class).single()).isEqualTo("3");
        startAt.accept("crmflow");
        assertThat(jdbc.sql(recorded).query(String.class).single()).isEqualTo(Integer.toString(CrmflowHistoryLevel.LEVEL.getId()));
        startAt.accept(ProcessEngineConfiguration.HISTORY_FULL);
        assertThat(jdbc.sql(recorded).query(String.class).single()).isEqualTo("3");
    }
}

package io.crmflow.opportunity;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ProcessIntegrationTest;
import io.crmflow.notify.Notifications;
import io.crmflow.notify.OutboxMessage;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The {@code opportunity} process, walked through the API (as sales staff use it) and through its tasks (as Tasklist does). */
class OpportunityProcessTest extends ProcessIntegrationTest {

    @Autowired
    OpportunityService opportunities;

    @Autowired
    Notifications notifications;

    /** An opportunity of chen's (SOUTH), entered by mia, the SOUTH manager. */
    private JsonNode newOpportunity() {
        ResponseEntity<JsonNode> created = as("mia").postForEntity("/api/opportunities", Map.of("name", unique("深圳人民医院 监护仪"),
                "company", "深圳人民医院", "region", "SOUTH", "productLine", "DEVICES", "amount", 380000, "owner", "chen"), JsonNode.class);
        Assertions.assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    private ProcessInstance instanceOf(JsonNode opportunity) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(opportunity.get("processInstanceId").asText())
                .singleResult();
    }

    private ResponseEntity<JsonNode> move(String user, JsonNode opportunity, Map<String, Object> body) {
        return as(user).postForEntity("/api/opportunities/" + opportunity.get("id").asLong() + "/stage", body, JsonNode.class);
    }

    private JsonNode reload(String user, JsonNode opportunity) {
        return as(user).getForObject("/api/opportunities/" + opportunity.get("id").asLong(), JsonNode.class);
    }

    private List<String> timelineTypes(JsonNode opportunity) {
        return as("mia").getForObject("/api/opportunities/" + opportunity.get("id").asLong() + "/timeline", JsonNode.class).findValuesAsText("type");
    }

    private Job idleTimer(ProcessInstance instance) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("Timer_Idle").singleResult();
    }

    @Test
    void opensAtInitialContactWithTheOwnersStageTask() {
        JsonNode opportunity = newOpportunity();

        Assertions.assertThat(opportunity.get("stage").asText()).isEqualTo("INITIAL_CONTACT");
        Assertions.assertThat(opportunity.get("winProbability").asInt()).isEqualTo(10);
        ProcessInstance instance = instanceOf(opportunity);
        Assertions.assertThat(instance.getBusinessKey()).isEqualTo(opportunity.get("id").asText());
        assertThat(instance).isWaitingAt("Task_AdvanceStage").task().isAssignedTo("chen");
        Assertions.assertThat(task(instance).getName()).contains("深圳人民医院", "初步接洽", "10 %");
        Assertions.assertThat(idleTimer(instance).getDuedate())
                .isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(3))), Duration.ofMinutes(1).toMillis());
    }

    @Test
    void aStageTaskCompletedTooEarlyThroughCamundasRestApiIs422AndChangesNothing() {
        JsonNode opportunity = newOpportunity();
        ProcessInstance instance = instanceOf(opportunity);
        Task stageTask = task(instance);

        // chen submits the stage form without the exit data of INITIAL_CONTACT, through Camunda's REST API.
        ResponseEntity<JsonNode> refused = as("chen").postForEntity("/engine-rest/task/" + stageTask.getId() + "/submit-form",
                Map.of("variables", Map.of("targetStage", Map.of("value", "NEEDS_CONFIRMED"), "contactPerson", Map.of("value", "刘主任"))),
                JsonNode.class);

        Assertions.assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        Assertions.assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        Assertions.assertThat(refused.getBody().get("message").asText()).contains("firstMeetingNote").doesNotContain("contactPerson)");
        Assertions.assertThat(refused.getBody().get("detail").asText()).isEqualTo(refused.getBody().get("message").asText());
        assertThat(instance).isWaitingAt("Task_AdvanceStage");
        Assertions.assertThat(task(instance).getId()).as("the same task, still open").isEqualTo(stageTask.getId());
        JsonNode unchanged = reload("chen", opportunity);
        Assertions.assertThat(unchanged.get("stage").asText()).isEqualTo("INITIAL_CONTACT");
        Assertions.assertThat(unchanged.hasNonNull("contactPerson")).as("nothing recorded").isFalse();
    }

    @Test
    void aStageIsLeftOnlyWithItsExitNeedsThroughTheApiOrTheTask() {
        JsonNode opportunity = newOpportunity();
        ProcessInstance instance = instanceOf(opportunity);

        ResponseEntity<JsonNode> refused = move("chen", opportunity, Map.of("stage", "NEEDS_CONFIRMED",
                "details", Map.of("contactPerson", "刘主任")));
        Assertions.assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        Assertions.assertThat(refused.getBody().get("detail").asText()).contains("firstMeetingNote").doesNotContain("contactPerson");
        Assertions.assertThat(reload("chen", opportunity).hasNonNull("contactPerson")).as("nothing recorded").isFalse();
        ResponseEntity<JsonNode> skipping = move("chen", opportunity, Map.of("stage", "PROPOSAL"));
        Assertions.assertThat(skipping.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        Assertions.assertThat(skipping.getBody().get("detail").asText()).contains("NEEDS_CONFIRMED or LOST");

        ResponseEntity<JsonNode> moved = move("chen", opportunity, Map.of("stage", "NEEDS_CONFIRMED",
                "details", Map.of("contactPerson", "刘主任", "firstMeetingNote", "设备科刘主任，计划明年采购 20 台监护仪")));

        Assertions.assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(moved.getBody().get("stage").asText()).isEqualTo("NEEDS_CONFIRMED");
        Assertions.assertThat(moved.getBody().get("winProbability").asInt()).isEqualTo(30);
        assertThat(instance).isWaitingAt("Task_AdvanceStage");
        Assertions.assertThat(task(instance).getName()).contains("需求确认");

        // The same step from Tasklist: the form's fields as task variables.
        Map<String, Object> form = new HashMap<>(Map.of("targetStage", "PROPOSAL", "requirementSummary", "20 台监护仪，含安装培训",
                "budget", 400000.0, "decisionMaker", "王院长"));
        complete(task(instance), form);

        JsonNode proposal = reload("chen", opportunity);
        Assertions.assertThat(proposal.get("stage").asText()).isEqualTo("PROPOSAL");
        Assertions.assertThat(proposal.get("winProbability").asInt()).isEqualTo(50);
        Assertions.assertThat(proposal.get("decisionMaker").asText()).isEqualTo("王院长");
        ResponseEntity<JsonNode> noQuote = move("chen", opportunity, Map.of("stage", "NEGOTIATION"));
        Assertions.assertThat(noQuote.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        Assertions.assertThat(noQuote.getBody().get("detail").asText()).contains("approvedQuote");
        Assertions.assertThat(timelineTypes(opportunity)).containsSubsequence("OPENED", "UPDATED", "STAGE_CHANGED", "UPDATED", "STAGE_CHANGED");
        assertThat(instance).hasPassed("ServiceTask_MoveStage").isWaitingAt("Task_AdvanceStage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INITIAL_CONTACT", "NEEDS_CONFIRMED", "PROPOSAL"})
    void lostFromAnyOpenStageNeedsAReasonAndEndsEverything(String stage) {
        JsonNode opportunity = newOpportunity();
        if (!stage.equals("INITIAL_CONTACT")) {
            move("chen", opportunity, Map.of("stage", "NEEDS_CONFIRMED", "details", Map.of("contactPerson", "刘主任", "firstMeetingNote", "首次拜访")));
        }
        if (stage.equals("PROPOSAL")) {
            move("chen", opportunity, Map.of("stage", "PROPOSAL", "details", Map.of("requirementSummary", "监护仪", "budget", 100000,
                    "decisionMaker", "王院长")));
        }
        Assertions.assertThat(reload("chen", opportunity).get("stage").asText()).isEqualTo(stage);

        ResponseEntity<JsonNode> noReason = move("chen", opportunity, Map.of("stage", "LOST"));
        Assertions.assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        Assertions.assertThat(noReason.getBody().get("errors").findValuesAsText("field")).contains("lossReason");

        ResponseEntity<JsonNode> lost = move("chen", opportunity, Map.of("stage", "LOST", "lossReason", "COMPETITOR", "lossNote", "对手降价 15%"));

        Assertions.assertThat(lost.getBody().get("stage").asText()).isEqualTo("LOST");
        Assertions.assertThat(lost.getBody().get("winProbability").asInt()).isZero();
        Assertions.assertThat(lost.getBody().get("lossReason").asText()).isEqualTo("COMPETITOR");
        assertThat(instanceOf(opportunity)).isNull();
        Assertions.assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(opportunity.get("processInstanceId").asText()).singleResult().getEndActivityId()).isEqualTo("EndEvent_Lost");
        Assertions.assertThat(move("chen", opportunity, Map.of("stage", "LOST", "lossReason", "PRICE")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void idleOnceTheOwnerFollowsUpIdleTwiceTheManagerSeesItAnUpdateClearsIt() {
        JsonNode opportunity = newOpportunity();
        long id = opportunity.get("id").asLong();
        ProcessInstance instance = instanceOf(opportunity);

        Job firstPeriod = idleTimer(instance);
        ClockUtil.setCurrentTime(firstPeriod.getDuedate());
        execute(firstPeriod);

        assertThat(instance).isWaitingAt("Task_AdvanceStage", "Task_FollowUpIdle");
        Assertions.assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_FollowUpIdle").singleResult().getAssignee()).isEqualTo("chen");
        Assertions.assertThat(notifications.about("opportunity:" + id)).extracting(OutboxMessage::recipient).containsExactly("chen");
        Assertions.assertThat(reload("chen", opportunity).get("idleFlagged").asBoolean()).isFalse();

        Job secondPeriod = idleTimer(instance);
        ClockUtil.setCurrentTime(secondPeriod.getDuedate());
        execute(secondPeriod);

        Assertions.assertThat(reload("chen", opportunity).get("idleFlagged").asBoolean()).isTrue();
        Assertions.assertThat(as("mia").getForObject("/api/opportunities?idle=true", JsonNode.class).findValuesAsText("id"))
                .contains(String.valueOf(id));
        Assertions.assertThat(notifications.about("opportunity:" + id)).extracting(OutboxMessage::recipient).containsExactly("chen", "mia");

        ClockUtil.setCurrentTime(Date.from(secondPeriod.getDuedate().toInstant().plus(Duration.ofDays(1))));
        ResponseEntity<JsonNode> updated = as("chen").exchange("/api/opportunities/" + id, HttpMethod.PATCH,
                new HttpEntity<>(Map.of("expectedCloseDate", "2027-03-31")), JsonNode.class);
        Assertions.assertThat(updated.getBody().get("idleFlagged").asBoolean()).isFalse();
        Assertions.assertThat(as("mia").getForObject("/api/opportunities?idle=true", JsonNode.class).findValuesAsText("id"))
                .doesNotContain(String.valueOf(id));

        Job thirdPeriod = idleTimer(instance);
        ClockUtil.setCurrentTime(thirdPeriod.getDuedate());
        execute(thirdPeriod);

        Assertions.assertThat(reload("chen", opportunity).get("idlePeriods").asInt()).as("updated within the period").isZero();
        complete(openTask(instance, "Task_FollowUpIdle"), withVariables("followUpNote", "医院预算会议推迟到下月"));
        Assertions.assertThat(timelineTypes(opportunity)).containsSubsequence("IDLE_REMINDER", "IDLE_FLAGGED", "UPDATED", "FOLLOW_UP");
    }

    private static Task openTask(ProcessInstance instance, String taskDefinitionKey) {
        return taskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    @Test
    void whoSeesAndWhoMayEnter() {
        JsonNode opportunity = newOpportunity();
        String path = "/api/opportunities/" + opportunity.get("id").asLong();

        Assertions.assertThat(as("alice").getForEntity(path, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        Assertions.assertThat(as("noah").getForEntity(path, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        Assertions.assertThat(move("alice", opportunity, Map.of("stage", "LOST", "lossReason", "PRICE")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        Assertions.assertThat(as("chen").getForObject("/api/opportunities", JsonNode.class).findValuesAsText("id"))
                .contains(opportunity.get("id").asText());
        Assertions.assertThat(as("alice").getForObject("/api/opportunities", JsonNode.class).findValuesAsText("id"))
                .doesNotContain(opportunity.get("id").asText());

        ResponseEntity<JsonNode> own = as("alice").postForEntity("/api/opportunities", Map.of("name", unique("杭州诊所"), "region", "EAST"),
                JsonNode.class);
        Assertions.assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Assertions.assertThat(own.getBody().get("ownerId").asText()).isEqualTo("alice");
        Assertions.assertThat(as("alice").postForEntity("/api/opportunities", Map.of("name", "x", "region", "EAST", "owner", "frank"),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Assertions.assertThat(as("mia").postForEntity("/api/opportunities", Map.of("name", "x", "region", "SOUTH", "owner", "alice"),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }
}

package io.crmflow.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ProcessIntegrationTest;
import io.crmflow.calendar.BusinessCalendar;
import io.crmflow.calendar.BusinessCalendars;
import io.crmflow.persistence.SqlTimes;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The follow-up cadence (docs/product.md §13) walked on the real engine with the controlled clock: the daily check at 09:00
 * Asia/Shanghai on business days only, one follow-up task per customer behind and none while it is open, the task that
 * records the activity, the manager's board and IM three business days later, and the task ended by an activity recorded
 * through the API.
 */
class FollowUpCadenceProcessTest extends ProcessIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    BusinessCalendars calendars;

    /** A customer of chen's (SOUTH, manager mia) entered {@code daysAgo} days before {@code now}, pinned to {@code tier}. */
    private long customer(String tier, Instant now, int daysAgo) {
        long id = as("chen").postForObject("/api/customers", Map.of("name", unique("佛山跟进药房"), "region", "SOUTH"), JsonNode.class)
                .get("id").asLong();
        if (!tier.equals("C")) {
            as("mia").put("/api/customers/" + id + "/tier-pin", Map.of("tier", tier, "reason", "测试 Cadence test"));
        }
        jdbc.sql("update customer set created_at = ? where id = ?").params(SqlTimes.timestamp(now.minus(Duration.ofDays(daysAgo))), id).update();
        return id;
    }

    /** 09:00 Asia/Shanghai of the first working day after {@code from} (skipping days off of the business calendar). */
    private Instant nextBusinessMorning(Instant from) {
        return firstMorningAfter(from, true);
    }

    private Instant firstDayOffMorning(Instant from) {
        return firstMorningAfter(from, false);
    }

    private Instant firstMorningAfter(Instant from, boolean workingDay) {
        BusinessCalendar calendar = calendars.current();
        LocalDate day = LocalDate.ofInstant(from, SHANGHAI).plusDays(1);
        while (calendar.isWorkingDay(day) != workingDay) {
            day = day.plusDays(1);
        }
        return calendar.opening(day);
    }

    /** Runs the daily check's timer at {@code at}; returns the check's instance. */
    private HistoricProcessInstance runCheckAt(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
        Job timer = processEngine.getManagementService().createJobQuery().processDefinitionKey("follow-up-cadence").timers().singleResult();
        assertThat(timer.getDuedate().toInstant().atZone(SHANGHAI).toLocalTime()).hasToString("09:00");
        processEngine.getManagementService().executeJob(timer.getId());
        return processEngine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("follow-up-cadence")
                .processInstanceBusinessKey("follow-up-check-" + LocalDate.ofInstant(at, SHANGHAI)).orderByProcessInstanceStartTime().desc()
                .list().get(0);
    }

    private List<ProcessInstance> followUpsOf(long customer) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("follow-up-customer")
                .variableValueEquals("customerId", customer).list();
    }

    private long followUpId(ProcessInstance instance) {
        return ((Number) processEngine.getRuntimeService().getVariable(instance.getId(), "followUpId")).longValue();
    }

    private long timesPassed(String processInstanceId, String activityId) {
        return processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId(activityId).count();
    }

    private Task task(ProcessInstance instance) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    @Test
    void onABusinessDayEachCustomerBehindGetsOneTaskForItsOwnerAndNoSecondWhileItIsOpen() {
        Instant morning = nextBusinessMorning(Instant.now());
        long behindC = customer("C", morning, 31);
        long withinC = customer("C", morning, 29);
        long behindA = customer("A", morning, 8);
        long visitedA = customer("A", morning, 8);
        as("chen").postForObject("/api/customers/" + visitedA + "/activities",
                Map.of("kind", "VISIT", "occurredAt", Instant.now().minus(Duration.ofDays(2)).toString()), JsonNode.class);
        long calledA = customer("A", morning, 8);
        as("chen").postForObject("/api/customers/" + calledA + "/activities",
                Map.of("kind", "CALL", "occurredAt", Instant.now().minus(Duration.ofDays(1)).toString()), JsonNode.class);

        HistoricProcessInstance check = runCheckAt(morning);

        assertThat(check.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(followUpsOf(withinC)).as("29 days without an activity is within tier C's 30").isEmpty();
        assertThat(followUpsOf(visitedA)).as("visited 2 days ago").isEmpty();
        assertThat(followUpsOf(calledA)).as("a call does not count for tier A, which needs a visit").hasSize(1);
        ProcessInstance followUp = followUpsOf(behindC).get(0);
        assertThat(followUp.getBusinessKey()).isEqualTo("follow-up-" + followUpId(followUp));
        assertThat(followUp).isWaitingAt("Task_FollowUpCustomer").task().isAssignedTo("chen");
        assertThat(task(followUp).getName()).isEqualTo("跟进客户 Follow up customer: "
                + as("chen").getForObject("/api/customers/" + behindC, JsonNode.class).get("name").asText());
        assertThat((String) processEngine.getRuntimeService().getVariable(followUp.getId(), "reason")).contains("Tier C", "30 天无 days without");
        assertThat((String) processEngine.getRuntimeService().getVariable(followUpsOf(behindA).get(0).getId(), "reason")).contains("Tier A", "7 天无 days without 拜访 Visit");
        assertThat(task(followUp).getDueDate().toInstant()).isEqualTo(threeBusinessDaysAfter(morning));

        runCheckAt(nextBusinessMorning(morning));
        assertThat(followUpsOf(behindC)).as("no second follow-up while one is open").hasSize(1);
    }

    private Instant threeBusinessDaysAfter(Instant morning) {
        return nextBusinessMorning(nextBusinessMorning(nextBusinessMorning(morning)));
    }

    @Test
    void onADayOffNothingIsChecked() {
        Instant dayOff = firstDayOffMorning(Instant.now());
        long behind = customer("C", dayOff, 45);

        HistoricProcessInstance check = runCheckAt(dayOff);

        assertThat(check.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(timesPassed(check.getId(), "EndEvent_DayOff")).isEqualTo(1);
        assertThat(followUpsOf(behind)).isEmpty();
    }

    @Test
    void theOwnerRecordsACallInTheTaskWhichClosesTheFollowUp() {
        Instant morning = nextBusinessMorning(Instant.now());
        long customer = customer("B", morning, 20);
        runCheckAt(morning);
        ProcessInstance followUp = followUpsOf(customer).get(0);
        Task task = task(followUp);

        ResponseEntity<JsonNode> refused = as("chen").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
                Map.of("variables", Map.of("activityNote", Map.of("value", "客户说下周再联系"))), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("message").asText()).contains("How did you follow up");
        assertThat(task(followUp).getId()).as("the same task, still open").isEqualTo(task.getId());

        String occurredAt = morning.minus(Duration.ofHours(1)).atZone(SHANGHAI).toOffsetDateTime().toString();
        ResponseEntity<String> submitted = as("chen").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
                Map.of("variables", Map.of("activityKind", Map.of("value", "CALL"), "activityOccurredAt", Map.of("value", occurredAt),
                        "activityMinutes", Map.of("value", 25), "activityNote", Map.of("value", "电话确认下月订单 Called about next month's order"),
                        "attachmentLink", Map.of("value", "https://pan.example.cn/s/shelf"))), String.class);

        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(followUp).isEnded();
        JsonNode call = as("chen").getForObject("/api/customers/" + customer + "/activities", JsonNode.class).get(0);
        assertThat(call.get("kind").asText()).isEqualTo("CALL");
        assertThat(call.get("minutes").asInt()).isEqualTo(25);
        assertThat(call.get("recordedBy").asText()).isEqualTo("chen");
        assertThat(call.get("note").asText()).contains("next month's order", "https://pan.example.cn/s/shelf");
        assertThat(jdbc.sql("select closed_by from follow_up where customer_id = ?").param(customer).query(String.class).single()).isEqualTo("chen");
    }

    @Test
    void stillBehindThreeBusinessDaysLaterGoesOnTheManagersBoardWithAnImAndTheTaskStays() {
        Instant morning = nextBusinessMorning(Instant.now());
        long customer = customer("C", morning, 60);
        runCheckAt(morning);
        ProcessInstance followUp = followUpsOf(customer).get(0);
        Job stillBehind = processEngine.getManagementService().createJobQuery().processInstanceId(followUp.getId()).timers().singleResult();
        assertThat(stillBehind.getDuedate().toInstant()).isEqualTo(threeBusinessDaysAfter(morning));

        ClockUtil.setCurrentTime(stillBehind.getDuedate());
        processEngine.getManagementService().executeJob(stillBehind.getId());

        assertThat(followUp).isWaitingAt("Task_FollowUpCustomer").task().isAssignedTo("chen");
        assertThat(timesPassed(followUp.getId(), "EndEvent_Escalated")).isEqualTo(1);
        JsonNode board = as("mia").getForObject("/api/follow-ups/board", JsonNode.class);
        assertThat(board).anySatisfy(item -> {
            assertThat(item.get("customerId").asLong()).isEqualTo(customer);
            assertThat(item.get("manager").asText()).isEqualTo("mia");
            assertThat(item.get("owner").asText()).isEqualTo("chen");
        });
        assertThat(as("noah").getForObject("/api/follow-ups/board", JsonNode.class)).noneSatisfy(item ->
                assertThat(item.get("customerId").asLong()).isEqualTo(customer));
        assertThat(jdbc.sql("select count(*) from notification_outbox where recipient = 'mia' and channel = 'IM' and reference = ?")
                .param("customer:" + customer).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aVisitRecordedThroughTheApiEndsTheTaskWhileACallForATierACustomerDoesNot() {
        Instant morning = nextBusinessMorning(Instant.now());
        long customer = customer("A", morning, 10);
        runCheckAt(morning);
        ProcessInstance followUp = followUpsOf(customer).get(0);
        ClockUtil.reset();

        as("chen").postForObject("/api/customers/" + customer + "/activities", Map.of("kind", "CALL", "occurredAt", Instant.now().toString()),
                JsonNode.class);
        assertThat(followUp).isWaitingAt("Task_FollowUpCustomer");

        JsonNode visit = as("chen").postForObject("/api/customers/" + customer + "/activities",
                Map.of("kind", "VISIT", "occurredAt", Instant.now().toString()), JsonNode.class);
        assertThat(followUp).isEnded();
        assertThat(timesPassed(followUp.getId(), "EndEvent_FollowedUpElsewhere")).isEqualTo(1);
        assertThat(jdbc.sql("select activity_id from follow_up where customer_id = ?").param(customer).query(Long.class).single())
                .isEqualTo(visit.get("id").asLong());
    }
}

package io.crmflow.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ProcessIntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The pharmacy visit procedure (docs/product.md §13) walked on the real engine: every step refuses its completion
 * without the evidence rules/pharmacy-visit-evidence.dmn asks for (422 naming it, the task stays), is completed with it,
 * and a step open more than 72 hours warns its owner and goes on the region manager's board (timer run on the controlled
 * clock).
 */
class PharmacyVisitProcessTest extends ProcessIntegrationTest {

    /** A PHARMACY customer of chen's (SOUTH, manager mia). */
    private long pharmacy() {
        return as("chen").postForObject("/api/customers", Map.of("name", unique("佛山仁心药房"), "region", "SOUTH", "industry", "PHARMACY"),
                JsonNode.class).get("id").asLong();
    }

    private ProcessInstance start(long customer) {
        ResponseEntity<JsonNode> started = as("chen").postForEntity("/api/customers/" + customer + "/pharmacy-visits", null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody().get("businessKey").asText()).isEqualTo("pharmacy-visit-" + started.getBody().get("id").asLong());
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(started.getBody().get("processInstanceId").asText())
                .singleResult();
    }

    private Task task(ProcessInstance visit) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(visit.getId()).singleResult();
    }

    private ResponseEntity<JsonNode> complete(Task task, Map<String, Object> variables) {
        Map<String, Object> submitted = new LinkedHashMap<>();
        variables.forEach((name, value) -> submitted.put(name, Map.of("value", value)));
        return as("chen").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", submitted), JsonNode.class);
    }

    private void assertRefused(ProcessInstance visit, Map<String, Object> variables, String... named) {
        Task open = task(visit);
        ResponseEntity<JsonNode> refused = complete(open, variables);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getBody().get("message").asText()).contains("Missing evidence").contains(named);
        assertThat(task(visit).getId()).as("the same task, still open").isEqualTo(open.getId());
    }

    private void assertCompleted(ProcessInstance visit, Map<String, Object> variables) {
        assertThat(complete(task(visit), variables).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private long record(long customer, String kind, Map<String, byte[]> files) {
        Map<String, Object> activity = Map.of("kind", kind, "occurredAt", Instant.now().toString(), "note", "药房拜访 Pharmacy visit step");
        ResponseEntity<JsonNode> recorded = ActivityApiTest.upload(as("chen"), customer, activity, files);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return recorded.getBody().get("id").asLong();
    }

    @Test
    void eachStepIsRefusedWithoutItsEvidenceAndCompletedWithIt() {
        long customer = pharmacy();
        ProcessInstance visit = start(customer);

        assertThat(visit).isWaitingAt("Task_BookVisit").task().isAssignedTo("chen");
        Task booking = task(visit);
        assertThat(booking.getName()).startsWith("预约拜访 Book the visit: ").endsWith(
                as("chen").getForObject("/api/customers/" + customer, JsonNode.class).get("name").asText());
        assertThat((String) processEngine.getTaskService().getVariableLocal(booking.getId(), "evidenceNeeded")).contains("booked the visit");
        assertRefused(visit, Map.of(), "Book the visit", "booked the visit");
        record(customer, "CALL", Map.of());
        assertCompleted(visit, Map.of());

        assertThat(visit).isWaitingAt("Task_CheckStock");
        record(customer, "VISIT", Map.of());
        record(customer, "VISIT", Map.of("库存 stock.pdf", ActivityFiles.pdf()));
        assertRefused(visit, Map.of(), "Stock check", "shelf photo");
        long withPhoto = record(customer, "VISIT", Map.of("货架 shelf.png", ActivityFiles.photo("png", 11)));
        assertCompleted(visit, Map.of());

        assertThat(visit).isWaitingAt("Task_CheckCompetitors");
        assertRefused(visit, Map.of(), "Competitor check", "price comparison");
        assertRefused(visit, Map.of("evidenceActivityId", withPhoto), "price comparison", "activity " + withPhoto + " is not one");
        long comparison = record(customer, "VISIT", Map.of("价格对比 prices.pdf", ActivityFiles.pdf()));
        assertCompleted(visit, Map.of("evidenceActivityId", comparison));

        assertThat(visit).isWaitingAt("Task_Demo");
        record(customer, "VISIT", Map.of());
        assertRefused(visit, Map.of(), "Demo", "A demo activity");
        record(customer, "DEMO", Map.of());
        assertCompleted(visit, Map.of());

        assertThat(visit).isWaitingAt("Task_Quote");
        assertRefused(visit, Map.of(), "Quote", "stock list");
        record(customer, "EMAIL", Map.of("库存清单 stock.png", ActivityFiles.photo("png", 12)));
        assertCompleted(visit, Map.of());

        assertThat(visit).isWaitingAt("Task_FollowUpPayment");
        assertRefused(visit, Map.of(), "Payment follow-up");
        record(customer, "CALL", Map.of());
        assertCompleted(visit, Map.of());

        assertThat(visit).isEnded();
        List<Map<String, Object>> steps = jdbc.sql("""
                        select s.step, s.evidence_activity_id from pharmacy_visit_step s join pharmacy_visit v on v.id = s.visit_id
                        where v.customer_id = ? order by s.id""").param(customer).query().listOfRows();
        assertThat(steps).extracting(row -> row.get("step")).containsExactly("Task_BookVisit", "Task_CheckStock", "Task_CheckCompetitors",
                "Task_Demo", "Task_Quote", "Task_FollowUpPayment");
        assertThat(steps.get(1).get("evidence_activity_id")).isEqualTo(withPhoto);
        assertThat(steps.get(2).get("evidence_activity_id")).isEqualTo(comparison);
        assertThat(start(pharmacy())).as("a visit for another pharmacy").isNotNull();
        assertThat(start(customer)).as("the customer's visit ended: another may start").isNotNull();
    }

    @Test
    void anActivityRecordedBeforeTheStepOpenedIsNoEvidence() {
        long customer = pharmacy();
        long before = record(customer, "CALL", Map.of());
        ProcessInstance visit = start(customer);

        assertRefused(visit, Map.of(), "booked the visit");
        assertRefused(visit, Map.of("evidenceActivityId", before), "activity " + before + " is not one");
    }

    @Test
    void aStepOpenMoreThan72HoursWarnsItsOwnerAndGoesOnTheManagersBoardWhileItStaysOpen() {
        long customer = pharmacy();
        ProcessInstance visit = start(customer);
        Task booking = task(visit);
        Job slow = processEngine.getManagementService().createJobQuery().processInstanceId(visit.getId()).timers().singleResult();
        // The task's create time is cut to seconds by the engine, the timer's due date is not.
        assertThat(Duration.between(booking.getCreateTime().toInstant(), slow.getDuedate().toInstant())).isBetween(Duration.ofHours(72).minusSeconds(1),
                Duration.ofHours(72).plusSeconds(1));

        ClockUtil.setCurrentTime(slow.getDuedate());
        processEngine.getManagementService().executeJob(slow.getId());

        assertThat(visit).isWaitingAt("Task_BookVisit").task().isAssignedTo("chen");
        assertThat(task(visit).getId()).isEqualTo(booking.getId());
        JsonNode board = as("mia").getForObject("/api/pharmacy-visits/board", JsonNode.class);
        assertThat(board).anySatisfy(item -> {
            assertThat(item.get("customerId").asLong()).isEqualTo(customer);
            assertThat(item.get("step").asText()).isEqualTo("Task_BookVisit");
            assertThat(item.get("stepName").asText()).isEqualTo("预约拜访 Book the visit");
            assertThat(item.get("manager").asText()).isEqualTo("mia");
            assertThat(item.get("owner").asText()).isEqualTo("chen");
        });
        assertThat(as("chen").getForObject("/api/pharmacy-visits/board", JsonNode.class)).anySatisfy(item ->
                assertThat(item.get("customerId").asLong()).isEqualTo(customer));
        assertThat(as("noah").getForObject("/api/pharmacy-visits/board", JsonNode.class)).noneSatisfy(item ->
                assertThat(item.get("customerId").asLong()).isEqualTo(customer));
        assertThat(jdbc.sql("select count(*) from notification_outbox where recipient = 'chen' and channel = 'IM' and reference = ?")
                .param("customer:" + customer).query(Long.class).single()).isEqualTo(1);

        ClockUtil.reset();
        record(customer, "CALL", Map.of());
        assertCompleted(visit, Map.of());
        assertThat(as("mia").getForObject("/api/pharmacy-visits/board", JsonNode.class)).as("done steps leave the board").noneSatisfy(item ->
                assertThat(item.get("customerId").asLong()).isEqualTo(customer));
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(visit.getId()).timers().singleResult().getDuedate())
                .as("the next step has its own 72 hours").isAfter(Date.from(Instant.now().plus(Duration.ofHours(71))));
    }

    @Test
    void onlyPharmaciesAndOneVisitAtATime() {
        long hospital = as("chen").postForObject("/api/customers", Map.of("name", unique("佛山人民医院"), "region", "SOUTH", "industry", "HOSPITAL"),
                JsonNode.class).get("id").asLong();
        ResponseEntity<JsonNode> notAPharmacy = as("chen").postForEntity("/api/customers/" + hospital + "/pharmacy-visits", null, JsonNode.class);
        assertThat(notAPharmacy.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(notAPharmacy.getBody().get("detail").asText()).contains("PHARMACY", "HOSPITAL");

        long customer = pharmacy();
        start(customer);
        ResponseEntity<JsonNode> second = as("mia").postForEntity("/api/customers/" + customer + "/pharmacy-visits", null, JsonNode.class);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.sql("select count(*) from pharmacy_visit where customer_id = ?").param(customer).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void eachRepsTimeInEachStepIsInTheAnalytics() {
        // A day of its own on the controlled clock, so that the period holds only this visit's steps.
        Instant opened = Instant.parse("2031-03-05T01:00:00Z");
        ClockUtil.setCurrentTime(Date.from(opened));
        long customer = pharmacy();
        ProcessInstance visit = start(customer);
        ClockUtil.setCurrentTime(Date.from(opened.plus(Duration.ofHours(5))));
        record(customer, "CALL", Map.of());
        assertCompleted(visit, Map.of());

        JsonNode dwell = as("mia").getForObject("/api/analytics/pharmacy-step-dwell?owner=chen&from=2031-03-05&to=2031-03-05", JsonNode.class);

        assertThat(dwell).hasSize(2);
        assertThat(dwell.get(0).get("step").asText()).isEqualTo("Task_BookVisit");
        assertThat(dwell.get(0).get("stepName").asText()).isEqualTo("预约拜访 Book the visit");
        assertThat(dwell.get(0).get("completed").asLong()).isEqualTo(1);
        assertThat(dwell.get(0).get("averageHours").asDouble()).isEqualTo(5.0);
        assertThat(dwell.get(1).get("step").asText()).isEqualTo("Task_CheckStock");
        assertThat(dwell.get(1).get("open").asLong()).isEqualTo(1);
        assertThat(as("alice").getForEntity("/api/analytics/pharmacy-step-dwell?owner=chen", JsonNode.class).getStatusCode())
                .as("a rep sees only their own numbers").isEqualTo(HttpStatus.FORBIDDEN);
    }
}

package io.crmflow.lead;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ProcessIntegrationTest;
import io.crmflow.team.Industry;
import io.crmflow.team.ProductLine;
import io.crmflow.team.Region;
import io.crmflow.team.StandIns;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Out of office in {@code processes/lead-qualification.bpmn} (docs/product.md §14): the assignment rules skip an absent rep,
 * a contact task created for them goes to their deputy, their open contact task is re-offered to the deputy, and
 * coming back moves nothing back. The week of 12 October 2026 is used only here; the absence is cancelled afterwards so
 * that other tests find alice at work.
 */
class LeadOutOfOfficeProcessTest extends ProcessIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    LeadService leads;

    @Autowired
    StandIns standIns;

    private Long absenceId;

    private static void clockAt(String shanghaiLocalTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(shanghaiLocalTime).atZone(SHANGHAI).toInstant()));
    }

    @AfterEach
    void aliceComesBack() {
        if (absenceId != null) {
            as("alice").delete("/api/team/alice/absences/" + absenceId);
        }
    }

    /** A grade A lead from EAST naming no product line or industry: nobody matches 82 %, so it waits in the pool. */
    private Lead poolLead() {
        String company = unique("OutOfOffice");
        return leads.submit(new NewLead(null, "王芳", company, company + "@example.cn", null, LeadSource.REFERRAL, Region.EAST, null, null,
                10, 600), "test").lead();
    }

    private ProcessInstance instanceOf(Lead lead) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(lead.processInstanceId()).singleResult();
    }

    private ProcessInstance dispatchedToAlice() {
        ProcessInstance instance = instanceOf(poolLead());
        assertThat(instance).isWaitingAt("Task_DispatchLead");
        complete(task(instance), withVariables("dispatchTo", "alice"));
        return instance;
    }

    @Test
    void absentRepIsSkippedByAssignmentAndHerContactTasksReachTheDeputy() {
        clockAt("2026-10-12T09:00");  // Monday
        ProcessInstance before = dispatchedToAlice();
        assertThat(before).isWaitingAt("Task_ContactLead").task().isAssignedTo("alice");

        ResponseEntity<JsonNode> recorded = as("alice").postForEntity("/api/team/alice/absences",
                Map.of("from", "2026-10-12", "to", "2026-10-16", "deputy", "frank"), JsonNode.class);
        Assertions.assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        absenceId = recorded.getBody().get("id").asLong();

        // Her open contact task is offered to frank; she stays on record (and may take it back when she returns).
        Task open = task(before);
        Assertions.assertThat(open.getAssignee()).isNull();
        Assertions.assertThat(candidateUsers(open)).containsExactlyInAnyOrder("frank", "alice");
        Assertions.assertThat(processEngine.getTaskService().getVariableLocal(open.getId(), "originalAssignee")).isEqualTo("alice");

        // A new lead she matches best (100 %) does not reach her; the decision record says why.
        String company = unique("OutOfOffice");
        Lead matching = leads.submit(new NewLead(null, "李娜", company, company + "@example.cn", null, LeadSource.REFERRAL, Region.EAST,
                Industry.HOSPITAL, ProductLine.DEVICES, 10, 600), "test").lead();
        Assertions.assertThat(matching.ownerId()).isNotEqualTo("alice");
        LeadDecision assignment = leads.decisions(matching.id()).stream().filter(d -> d.kind().equals("ASSIGNMENT")).findFirst().orElseThrow();
        Assertions.assertThat(assignment.inputs().get("unavailable")).asList().contains("alice");
        Assertions.assertThat(((List<?>) assignment.outputs().get("eligible")).stream().map(rep -> (Object) ((Map<?, ?>) rep).get("userId")).toList())
                .doesNotContain("alice");

        // The manager hands her a pool lead anyway: the contact task, with its deadline, goes to her deputy.
        ProcessInstance during = dispatchedToAlice();
        assertThat(during).isWaitingAt("Task_ContactLead").task().isAssignedTo("frank");
        Task deputyTask = task(during);
        Assertions.assertThat(deputyTask.getDueDate()).isNotNull();
        Assertions.assertThat(processEngine.getTaskService().getVariableLocal(deputyTask.getId(), "originalAssignee")).isEqualTo("alice");

        // Back early: nothing moves back.
        as("alice").delete("/api/team/alice/absences/" + absenceId);
        absenceId = null;
        assertThat(during).task().isAssignedTo("frank");
        Assertions.assertThat(candidateUsers(task(before))).containsExactlyInAnyOrder("frank", "alice");
        Assertions.assertThat(task(before).getAssignee()).isNull();
    }

    @Test
    void withoutADeputyTheTaskGoesToTheManager() {
        clockAt("2026-10-19T09:00");  // Monday of the next week
        ResponseEntity<JsonNode> recorded = as("mia").postForEntity("/api/team/alice/absences",
                Map.of("from", "2026-10-19", "to", "2026-10-19"), JsonNode.class);
        Assertions.assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        absenceId = recorded.getBody().get("id").asLong();

        assertThat(dispatchedToAlice()).isWaitingAt("Task_ContactLead").task().isAssignedTo("mia");
    }

    @Test
    void anAbsenceRecordedInAdvanceReoffersTheOpenTasksOnItsFirstDay() {
        clockAt("2026-10-21T09:00");  // Wednesday
        ProcessInstance instance = dispatchedToAlice();
        ResponseEntity<JsonNode> recorded = as("alice").postForEntity("/api/team/alice/absences",
                Map.of("from", "2026-10-22", "to", "2026-10-23", "deputy", "frank"), JsonNode.class);
        absenceId = recorded.getBody().get("id").asLong();
        assertThat(instance).task().isAssignedTo("alice");

        clockAt("2026-10-22T08:00");
        standIns.beginDuePeriods();

        Assertions.assertThat(task(instance).getAssignee()).isNull();
        Assertions.assertThat(candidateUsers(task(instance))).containsExactlyInAnyOrder("frank", "alice");
    }

    private List<String> candidateUsers(Task task) {
        return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getUserId).toList();
    }
}

package io.crmflow.lead;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import io.crmflow.ProcessIntegrationTest;
import io.crmflow.notify.Notifications;
import io.crmflow.team.Industry;
import io.crmflow.team.ProductLine;
import io.crmflow.team.Region;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Walks every path of {@code processes/lead-qualification.bpmn} on the real engine with the shipped rules. */
class LeadQualificationProcessTest extends ProcessIntegrationTest {

    @Autowired
    Notifications notifications;

    @Autowired
    LeadService leads;

    /** Sets the engine's clock (and with it every deadline crmflow computes) to a local time in Shanghai. */
    private static void clockAt(String shanghaiLocalTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(shanghaiLocalTime).atZone(SHANGHAI).toInstant()));
    }

    private static Instant shanghai(String localTime) {
        return LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant();
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .timers().activityId(activityId).singleResult();
    }

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Lead submit(Region region, ProductLine productLine, Industry industry, LeadSource source, int visits, int dwell) {
        String company = unique("Process");
        NewLead lead = new NewLead(null, "李娜", company, company + "@example.cn", null, source, region, industry, productLine, visits, dwell);
        return leads.submit(lead, "test").lead();
    }

    private ProcessInstance instanceOf(Lead lead) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(lead.processInstanceId()).singleResult();
    }

    @Test
    void assignedLeadIsContactedAndQualified() {
        Lead lead = submit(Region.SOUTH, ProductLine.DEVICES, Industry.HOSPITAL, LeadSource.REFERRAL, 10, 600);
        ProcessInstance instance = instanceOf(lead);

        assertThat(instance).isWaitingAt("Task_ContactLead").task().isAssignedTo("chen");
        complete(task(instance), withVariables("contactChannel", "PHONE", "contactNote", "Called the purchasing head"));
        assertThat(instance).isWaitingAt("Task_QualifyLead").task().isAssignedTo("chen");
        Assertions.assertThat(leads.get(lead.id()).status()).isEqualTo(LeadStatus.CONTACTED);

        complete(task(instance), withVariables("outcome", "QUALIFIED", "qualificationNote", "Budget for 20 monitors"));

        assertThat(instance).hasPassedInOrder("ServiceTask_AssignLead", "Task_ContactLead", "ServiceTask_RecordContact",
                "Task_QualifyLead", "ServiceTask_RecordOutcome").isEnded().hasPassed("EndEvent_Qualified");
        Assertions.assertThat(leads.get(lead.id()).status()).isEqualTo(LeadStatus.CONVERTED);
        Assertions.assertThat(leads.timeline(lead.id())).extracting(LeadEvent::type)
                .containsSubsequence("CREATED", "SCORED", "ASSIGNED", "CONTACTED", "QUALIFIED", "CONVERTED");
        Object opportunityId = processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("opportunityId").singleResult().getValue();
        Assertions.assertThat(jdbc.sql("select lead_id, owner_id, region, stage from opportunity where id = ?").param(opportunityId)
                        .query((rs, row) -> rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4)).single())
                .isEqualTo(lead.id() + "/chen/SOUTH/INITIAL_CONTACT");
    }

    @Test
    void disqualifiedLeadEndsWithItsReason() {
        Lead lead = submit(Region.NORTH, ProductLine.PRESCRIPTION, Industry.HOSPITAL, LeadSource.WEBSITE, 5, 300);
        ProcessInstance instance = instanceOf(lead);
        complete(task(instance), withVariables("contactChannel", "WECHAT", "contactNote", "No longer buying"));

        complete(task(instance), withVariables("outcome", "DISQUALIFIED", "disqualifyReason", "NO_BUDGET"));

        assertThat(instance).isEnded().hasPassed("EndEvent_Disqualified");
        Assertions.assertThat(leads.get(lead.id()).status()).isEqualTo(LeadStatus.DISQUALIFIED);
        Assertions.assertThat(leads.timeline(lead.id())).last().satisfies(event ->
                Assertions.assertThat(event.detail()).contains("NO_BUDGET"));
    }

    @Test
    void nurtureOutcomeParksTheLead() {
        Lead lead = submit(Region.SOUTHWEST, ProductLine.OTC, Industry.PHARMACY, LeadSource.TRADE_SHOW, 2, 60);
        ProcessInstance instance = instanceOf(lead);
        complete(task(instance), withVariables("contactChannel", "EMAIL", "contactNote", "Interested next year"));

        complete(task(instance), withVariables("outcome", "NURTURE"));

        assertThat(instance).hasPassed("ServiceTask_RecordOutcome", "ServiceTask_StartNurturing").isWaitingAt("Timer_NurtureDay1");
        Assertions.assertThat(leads.get(lead.id()).status()).isEqualTo(LeadStatus.NURTURING);
    }

    @Test
    void gradeDLeadGoesStraightToNurturing() {
        Lead lead = submit(Region.EAST, ProductLine.DEVICES, Industry.HOSPITAL, LeadSource.COLD_CALL, 0, 0);

        assertThat(instanceOf(lead)).hasPassed("ServiceTask_StartNurturing").hasNotPassed("ServiceTask_AssignLead")
                .isWaitingAt("Timer_NurtureDay1");
        Assertions.assertThat(leads.get(lead.id()).status()).isEqualTo(LeadStatus.NURTURING);
    }

    @Test
    void leadNobodyMatchesGoesToThePoolAndTheRegionManagerDispatchesIt() {
        Lead lead = submit(Region.NORTH, ProductLine.OTC, Industry.PHARMACY, LeadSource.PARTNER, 5, 300);
        ProcessInstance instance = instanceOf(lead);

        assertThat(instance).isWaitingAt("Task_DispatchLead").task().hasCandidateUser("noah").isNotAssigned();
        Assertions.assertThat(leads.get(lead.id()).status()).isEqualTo(LeadStatus.IN_POOL);

        complete(task(instance), withVariables("dispatchTo", "dana"));

        assertThat(instance).isWaitingAt("Task_ContactLead").task().isAssignedTo("dana");
        Lead dispatched = leads.get(lead.id());
        Assertions.assertThat(dispatched.ownerId()).isEqualTo("dana");
        Assertions.assertThat(dispatched.followUpDue()).isNotNull();
        Assertions.assertThat(leads.timeline(lead.id())).extracting(LeadEvent::type).contains("POOLED", "DISPATCHED");
    }

    @Test
    void dispatchToSomeoneWhoIsNotARepIsRefusedAndTheTaskStays() {
        Lead lead = submit(Region.SOUTH, ProductLine.CONSUMABLES, Industry.DISTRIBUTOR, LeadSource.PARTNER, 5, 300);
        ProcessInstance instance = instanceOf(lead);

        Assertions.assertThatThrownBy(() -> complete(task(instance), withVariables("dispatchTo", "fiona")))
                .hasMessageContaining("not an active sales rep");

        assertThat(instance).isWaitingAt("Task_DispatchLead");
    }

    @Test
    void contactDeadlineUsesBusinessHoursAndReclaimsToAnotherRepThenToTheManager() {
        clockAt("2026-11-20T16:30");  // Friday afternoon: grade A has 4 business hours, i.e. until Monday 11:30
        Lead lead = submit(Region.EAST, ProductLine.DEVICES, Industry.HOSPITAL, LeadSource.REFERRAL, 10, 600);
        ProcessInstance instance = instanceOf(lead);
        String firstOwner = lead.ownerId();
        Assertions.assertThat(firstOwner).isIn("alice", "frank");
        Assertions.assertThat(lead.followUpDue()).isEqualTo(shanghai("2026-11-23T11:30"));
        Assertions.assertThat(timer(instance, "Timer_ContactDeadline").getDuedate()).isEqualTo(Date.from(shanghai("2026-11-23T11:30")));

        clockAt("2026-11-23T11:31");
        execute(timer(instance, "Timer_ContactDeadline"));

        assertThat(instance).hasPassed("ServiceTask_ReclaimLead").isWaitingAt("Task_ContactLead");
        String secondOwner = task(instance).getAssignee();
        Assertions.assertThat(secondOwner).isIn("alice", "frank").isNotEqualTo(firstOwner);
        Assertions.assertThat(leads.get(lead.id()).followUpDue()).isEqualTo(shanghai("2026-11-23T15:31"));

        clockAt("2026-11-23T15:32");
        execute(timer(instance, "Timer_ContactDeadline"));

        assertThat(instance).isWaitingAt("Task_DispatchLead").task().hasCandidateUser("mia").isNotAssigned();
        Assertions.assertThat(leads.get(lead.id()).status()).isEqualTo(LeadStatus.IN_POOL);
        Assertions.assertThat(leads.timeline(lead.id())).extracting(LeadEvent::type)
                .containsSubsequence("ASSIGNED", "RECLAIMED", "ASSIGNED", "RECLAIMED");
        Assertions.assertThat(leads.decisions(lead.id())).extracting(LeadDecision::kind)
                .containsExactly("SCORE", "ASSIGNMENT", "ASSIGNMENT");
        Assertions.assertThat(leads.decisions(lead.id()).get(2).inputs().get("excludedOwners")).asList().containsExactly(firstOwner);
    }

    @Test
    void onlyMatchingRepLapsesSoTheLeadGoesToThePool() {
        clockAt("2026-11-24T10:00");
        Lead lead = submit(Region.SOUTH, ProductLine.DEVICES, Industry.HOSPITAL, LeadSource.WEBSITE, 10, 600);
        ProcessInstance instance = instanceOf(lead);
        Assertions.assertThat(lead.ownerId()).isEqualTo("chen");
        Assertions.assertThat(lead.grade()).isEqualTo("A");

        clockAt("2026-11-24T14:01");
        execute(timer(instance, "Timer_ContactDeadline"));

        assertThat(instance).isWaitingAt("Task_DispatchLead").task().hasCandidateUser("mia");
        Assertions.assertThat(leads.decisions(lead.id()).get(2).outputs()).containsEntry("pool", "SOUTH");
    }

    @Test
    void leadNotQualifiedWithinThreeBusinessDaysAfterContactAlertsTheManagerWithoutStoppingTheOwner() {
        clockAt("2026-11-25T10:00");  // Wednesday
        Lead lead = submit(Region.NORTH, ProductLine.DEVICES, Industry.HOSPITAL, LeadSource.TRADE_SHOW, 5, 300);
        ProcessInstance instance = instanceOf(lead);
        clockAt("2026-11-25T11:00");
        complete(task(instance), withVariables("contactChannel", "VISIT", "contactNote", "Met the head of radiology"));

        Job overdue = timer(instance, "Timer_QualifyOverdue");
        Assertions.assertThat(overdue.getDuedate()).isEqualTo(Date.from(shanghai("2026-11-30T11:00")));  // Wed 11:00 + 27 h over a weekend
        clockAt("2026-11-30T11:01");
        execute(overdue);

        assertThat(instance).isWaitingAt("Task_QualifyLead", "Task_ReviewStalledLead");
        Assertions.assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_ReviewStalledLead").taskCandidateUser("noah").count()).isEqualTo(1);
        Assertions.assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_QualifyLead").singleResult().getAssignee()).isEqualTo("dana");
    }

    @Test
    void nurturedLeadGetsTouchesOnDayOneThreeSevenAndIsRescoredOnDayThirty() {
        clockAt("2026-11-02T10:00");
        Lead lead = submit(Region.EAST, ProductLine.OTC, Industry.PHARMACY, LeadSource.ONLINE_AD, 1, 30);
        ProcessInstance instance = instanceOf(lead);
        Assertions.assertThat(lead.grade()).isEqualTo("D");
        assertThat(instance).isWaitingAt("Timer_NurtureDay1");

        for (String timer : new String[] {"Timer_NurtureDay1", "Timer_NurtureDay3", "Timer_NurtureDay7", "Timer_NurtureDay30"}) {
            Job job = timer(instance, timer);
            ClockUtil.setCurrentTime(job.getDuedate());
            execute(job);
        }

        Assertions.assertThat(timer(instance, "Timer_NurtureDay30")).isNull();
        Assertions.assertThat(leads.timeline(lead.id())).filteredOn(event -> event.type().equals("NURTURE_TOUCH"))
                .extracting(LeadEvent::detail).containsExactly("day 1 via EMAIL to P***@example.cn",
                        "day 3 via IM skipped: the lead has no phone number", "day 7 via EMAIL to P***@example.cn");
        Assertions.assertThat(notifications.about("lead:" + lead.id()))
                .extracting(message -> message.channel() + " " + message.recipient())
                .containsExactly("EMAIL " + lead.email(), "EMAIL " + lead.email());
        Assertions.assertThat(leads.timeline(lead.id())).filteredOn(event -> event.type().equals("NURTURE_TOUCH"))
                .extracting(LeadEvent::occurredAt)
                .containsExactly(shanghai("2026-11-03T10:00"), shanghai("2026-11-05T10:00"), shanghai("2026-11-09T10:00"));
        Assertions.assertThat(leads.decisions(lead.id())).extracting(LeadDecision::kind).containsExactly("SCORE", "RESCORE");
        Assertions.assertThat(leads.decisions(lead.id()).get(1).decidedAt()).isEqualTo(shanghai("2026-12-02T10:00"));
        Assertions.assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult().getEndActivityId()).isEqualTo("EndEvent_StillNurturing");
    }
}

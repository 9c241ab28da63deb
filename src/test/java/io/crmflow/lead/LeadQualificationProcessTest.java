package io.crmflow.lead;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import io.crmflow.IntegrationTest;
import io.crmflow.team.Industry;
import io.crmflow.team.ProductLine;
import io.crmflow.team.Region;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Walks every path of {@code processes/lead-qualification.bpmn} on the real engine with the shipped rules. */
class LeadQualificationProcessTest extends IntegrationTest {

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    LeadService leads;

    @BeforeEach
    void bindAssertionsToTheEngine() {
        init(processEngine);
    }

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
                .containsSubsequence("CREATED", "SCORED", "ASSIGNED", "CONTACTED", "CONVERTED");
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

        assertThat(instance).isEnded().hasPassed("EndEvent_Nurture");
        Assertions.assertThat(leads.get(lead.id()).status()).isEqualTo(LeadStatus.NURTURING);
    }

    @Test
    void gradeDLeadGoesStraightToNurturing() {
        Lead lead = submit(Region.EAST, ProductLine.DEVICES, Industry.HOSPITAL, LeadSource.COLD_CALL, 0, 0);

        Assertions.assertThat(instanceOf(lead)).as("ended at once").isNull();
        Assertions.assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                        .processInstanceId(lead.processInstanceId()).list())
                .extracting(activity -> activity.getActivityId())
                .contains("ServiceTask_StartNurturing", "EndEvent_Nurturing").doesNotContain("ServiceTask_AssignLead");
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
}

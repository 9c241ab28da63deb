package io.crmflow.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** The seam between leads and opportunities: a qualified lead always becomes an opportunity, with or without its process. */
class OpportunityFromLeadTest extends IntegrationTest {

    @Autowired
    OpportunityService opportunities;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    /** A lead row as the lead feature leaves it after qualification (tests run one at a time, so max(id) is this one). */
    private long qualifiedLead() {
        jdbc.sql("insert into leads (name, company, source, region, visits_30d, dwell_seconds, status, owner_id, created_at, updated_at)"
                        + " values ('周敏', ?, 'REFERRAL', 'NORTH', 0, 0, 'CONVERTED', 'dana', current_timestamp, current_timestamp)")
                .param(unique("北方医院")).update();
        return jdbc.sql("select max(id) from leads").query(Long.class).single();
    }

    @Test
    void withoutAnOpportunityProcessTheOpportunityIsRecordedAndWaits() {
        long leadId = qualifiedLead();

        OpenedOpportunity opened = opportunities.openFromLead(new QualifiedLead(leadId, "周敏", "北方医院", "dana", "NORTH", "DEVICES", "budget ok"));

        assertThat(opened.processStarted()).isFalse();
        assertThat(opened.stage()).isEqualTo("INITIAL_CONTACT");
        JsonNode asDana = as("dana").getForObject("/api/opportunities/" + opened.id(), JsonNode.class);
        assertThat(asDana.get("ownerId").asText()).isEqualTo("dana");
        assertThat(asDana.get("leadId").asLong()).isEqualTo(leadId);
        assertThat(as("noah").getForObject("/api/opportunities/" + opened.id() + "/timeline", JsonNode.class).findValuesAsText("type"))
                .containsExactly("OPENED", "AWAITING_PROCESS");
        assertThat(as("alice").getForEntity("/api/opportunities/" + opened.id(), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("mia").getForEntity("/api/opportunities/" + opened.id(), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDeployedOpportunityProcessIsStartedWithTheOpportunityAsBusinessKeyOnce() {
        Deployment deployment = repositoryService.createDeployment().name("opportunity stand-in")
                .addModelInstance("opportunity.bpmn", Bpmn.createExecutableProcess(OpportunityService.PROCESS_KEY)
                        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Stage").endEvent().done())
                .deploy();
        try {
            long leadId = qualifiedLead();
            QualifiedLead lead = new QualifiedLead(leadId, "周敏", "北方医院", "dana", "NORTH", "DEVICES", null);

            OpenedOpportunity opened = opportunities.openFromLead(lead);
            OpenedOpportunity retried = opportunities.openFromLead(lead);

            assertThat(opened.processStarted()).isTrue();
            assertThat(retried).isEqualTo(opened);
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(OpportunityService.PROCESS_KEY)
                    .processInstanceBusinessKey(String.valueOf(opened.id())).count()).isEqualTo(1);
            assertThat(count("opportunity where lead_id = " + leadId)).isEqualTo(1);
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }
}

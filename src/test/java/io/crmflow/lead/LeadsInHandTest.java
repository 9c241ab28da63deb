package io.crmflow.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import io.crmflow.ProcessIntegrationTest;
import io.crmflow.team.Industry;
import io.crmflow.team.ProductLine;
import io.crmflow.team.Region;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reps' leads in hand kept in {@code leads_in_hand} equal the count over the leads after every flow that changes a
 * lead's owner or status, and also inside a transaction that has changed leads but not committed yet.
 */
class LeadsInHandTest extends ProcessIntegrationTest {

    @Autowired
    LeadService leads;

    @Autowired
    LeadRepository repository;

    @Autowired
    LeadBook book;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void keptCountsFollowEveryFlow() {
        assertKeptCountsEqualTheLeads();

        ProcessInstance qualified = instanceOf(submit(Region.SOUTH, ProductLine.DEVICES, Industry.HOSPITAL, LeadSource.REFERRAL));
        assertKeptCountsEqualTheLeads();
        complete(task(qualified), withVariables("contactChannel", "PHONE", "contactNote", "Called"));
        assertKeptCountsEqualTheLeads();
        complete(task(qualified), withVariables("outcome", "QUALIFIED", "qualificationNote", "Budget"));
        assertKeptCountsEqualTheLeads();

        ProcessInstance disqualified = instanceOf(submit(Region.NORTH, ProductLine.PRESCRIPTION, Industry.HOSPITAL, LeadSource.WEBSITE));
        complete(task(disqualified), withVariables("contactChannel", "WECHAT", "contactNote", "No longer buying"));
        complete(task(disqualified), withVariables("outcome", "DISQUALIFIED", "disqualifyReason", "NO_BUDGET"));
        assertKeptCountsEqualTheLeads();

        ProcessInstance nurtured = instanceOf(submit(Region.SOUTHWEST, ProductLine.OTC, Industry.PHARMACY, LeadSource.TRADE_SHOW));
        complete(task(nurtured), withVariables("contactChannel", "EMAIL", "contactNote", "Next year"));
        complete(task(nurtured), withVariables("outcome", "NURTURE"));
        assertKeptCountsEqualTheLeads();

        ProcessInstance pooled = instanceOf(submit(Region.NORTH, ProductLine.OTC, Industry.PHARMACY, LeadSource.PARTNER));
        assertKeptCountsEqualTheLeads();
        complete(task(pooled), withVariables("dispatchTo", "dana"));
        assertKeptCountsEqualTheLeads();

        // Reclaimed by its contact deadline twice: to the other rep, then to the pool.
        ClockUtil.setCurrentTime(shanghai("2026-11-20T16:30"));
        Lead lapsing = submit(Region.EAST, ProductLine.DEVICES, Industry.HOSPITAL, LeadSource.REFERRAL);
        assertKeptCountsEqualTheLeads();
        ClockUtil.setCurrentTime(shanghai("2026-11-23T11:31"));
        execute(contactDeadline(instanceOf(lapsing)));
        assertKeptCountsEqualTheLeads();
        ClockUtil.setCurrentTime(shanghai("2026-11-23T15:32"));
        execute(contactDeadline(instanceOf(lapsing)));
        assertThat(leads.get(lapsing.id()).status()).isEqualTo(LeadStatus.IN_POOL);
        assertKeptCountsEqualTheLeads();
        ClockUtil.reset();

        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
        String company = unique("InHand");
        assertThat(as("mia").postForEntity("/api/leads/import", new HttpEntity<>(
                "externalId,name,company,email,phone,source,region,industry,productLine,visits30d,dwellSeconds\n"
                        + unique("csv") + ",赵敏," + company + "," + company + "@example.cn,,REFERRAL,SOUTH,HOSPITAL,DEVICES,10,600\n",
                csv), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertKeptCountsEqualTheLeads();

        Lead handedOver = leads.get(submit(Region.SOUTH, ProductLine.DEVICES, Industry.HOSPITAL, LeadSource.REFERRAL).id());
        String successor = handedOver.ownerId().equals("chen") ? "dana" : "chen";
        transactions.executeWithoutResult(status -> book.handOver(handedOver.ownerId(), Map.of(handedOver.id(), successor), "test"));
        assertThat(leads.get(handedOver.id()).ownerId()).isEqualTo(successor);
        assertKeptCountsEqualTheLeads();
    }

    @Test
    void aTransactionSeesItsOwnChangesBeforeItCommitsAndARollbackKeepsNone() {
        Lead lead = leads.get(submit(Region.SOUTH, ProductLine.DEVICES, Industry.HOSPITAL, LeadSource.REFERRAL).id());
        Map<String, Integer> committed = countedFromTheLeads();

        transactions.executeWithoutResult(status -> {
            repository.moveToPool(lead.id(), ClockUtil.now().toInstant(), "test");
            assertThat(repository.openLeadsByOwner()).isEqualTo(countedFromTheLeads()).isNotEqualTo(committed);
            status.setRollbackOnly();
        });

        assertKeptCountsEqualTheLeads();
        assertThat(countedFromTheLeads()).isEqualTo(committed);
    }

    private void assertKeptCountsEqualTheLeads() {
        Map<String, Integer> kept = new HashMap<>();
        jdbc.sql("select owner_id, leads from leads_in_hand where leads <> 0").query(rs -> {
            kept.put(rs.getString(1), rs.getInt(2));
        });
        Map<String, Integer> counted = countedFromTheLeads();
        assertThat(kept).isEqualTo(counted);
        assertThat(repository.openLeadsByOwner()).isEqualTo(counted);
    }

    private Map<String, Integer> countedFromTheLeads() {
        Map<String, Integer> counted = new HashMap<>();
        jdbc.sql("select owner_id, count(*) from leads where owner_id is not null and status in ('ASSIGNED', 'CONTACTED') group by owner_id")
                .query(rs -> {
                    counted.put(rs.getString(1), rs.getInt(2));
                });
        return counted;
    }

    private Lead submit(Region region, ProductLine productLine, Industry industry, LeadSource source) {
        String company = unique("InHand");
        return leads.submit(new NewLead(null, "李娜", company, company + "@example.cn", null, source, region, industry, productLine, 10, 600),
                "test").lead();
    }

    private ProcessInstance instanceOf(Lead lead) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(lead.processInstanceId()).singleResult();
    }

    private org.camunda.bpm.engine.runtime.Job contactDeadline(ProcessInstance instance) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .timers().activityId("Timer_ContactDeadline").singleResult();
    }

    private static Date shanghai(String localTime) {
        return Date.from(LocalDateTime.parse(localTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }
}

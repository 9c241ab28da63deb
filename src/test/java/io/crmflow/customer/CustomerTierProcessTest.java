package io.crmflow.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.contract.ContractTestSupport;
import io.crmflow.opportunity.CustomerOrders;
import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.CandidateReplays;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A customer's tier decided again by rules/customer-tier.dmn (docs/product.md §12): when one of its opportunities is won (through
 * the real contract approval), and by the nightly {@code customer-tier-review} process at 01:00 Asia/Shanghai.
 */
class CustomerTierProcessTest extends ContractTestSupport {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    CustomerOrders orders;

    @Autowired
    ActiveRuleSet activeRuleSet;

    private long customer() {
        return as("chen").postForObject("/api/customers", Map.of("name", unique("广州中山医院"), "region", "SOUTH"), JsonNode.class)
                .get("id").asLong();
    }

    private JsonNode customer(long id) {
        return as("mia").getForObject("/api/customers/" + id, JsonNode.class);
    }

    private JsonNode latestDecision(long id, String kind) {
        JsonNode latest = null;
        for (JsonNode decision : as("chen").getForObject("/api/customers/" + id + "/decisions", JsonNode.class)) {
            if (decision.get("kind").asText().equals(kind)) {
                latest = decision;
            }
        }
        return latest;
    }

    @Test
    void winningAMillionMakesTheCustomerTierA() {
        long customer = customer();
        JsonNode contract = contract("1000000.00");
        long opportunity = contract.get("opportunityId").asLong();
        orders.link(opportunity, customer, "签约客户 The customer of this deal", "chen");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(as("chen").exchange("/api/opportunities/" + opportunity, HttpMethod.PATCH, new HttpEntity<>("{\"amount\":1000000}", json),
                JsonNode.class).getBody().get("amount").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(customer(customer).get("tier").asText()).isEqualTo("C");

        decide("grace", contract, true, null);
        decide("fiona", contract, true, null);
        decide("leo", contract, true, null);

        assertThat(opportunityOf(contract).get("stage").asText()).isEqualTo("WON");
        assertThat(customer(customer).get("tier").asText()).isEqualTo("A");
        assertThat(customer(customer).get("lifecycle").asText()).isEqualTo("NEW");
        assertThat(latestDecision(customer, "LIFECYCLE").get("inputs").get("ordersWon").asInt()).isEqualTo(1);
        JsonNode decision = latestDecision(customer, "TIER");
        assertThat(decision.get("kind").asText()).isEqualTo("TIER");
        assertThat(decision.get("inputs").get("wonAmount12m").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(decision.get("outputs").get("tier").asText()).isEqualTo("A");
        assertThat(decision.get("matchedRules").get(0).get("table").asText()).isEqualTo("customerTier");
        assertThat(as("admin").getForObject("/api/audit?entity=customer&entityId=" + customer, JsonNode.class)).anySatisfy(entry -> {
            assertThat(entry.get("field").asText()).isEqualTo("tier");
            assertThat(entry.get("newValue").asText()).isEqualTo("A");
            assertThat(entry.get("actor").asText()).isEqualTo("rules");
        });
        assertThat(timelineTypes(contract.get("opportunityId").asLong())).contains("CUSTOMER_LINKED");

        JsonNode replay = replayWithATierBoundaryOf("2000000");
        assertThat(replay.get("differences")).anySatisfy(difference -> {
            assertThat(difference.get("record").asLong()).isEqualTo(customer);
            assertThat(difference.get("field").asText()).isEqualTo("tier");
            assertThat(difference.get("oldValue").asText()).isEqualTo("A");
            assertThat(difference.get("newValue").asText()).isEqualTo("B");
        });
        assertThat(replay.get("summary").get(0).asText()).contains("customers would change tier");
    }

    /** Uploads the active tier table with A from {@code aFrom} CNY as a candidate and replays it: the customer-tier report. */
    private JsonNode replayWithATierBoundaryOf(String aFrom) {
        String shipped = activeRuleSet.current().file("customer-tier.dmn").orElseThrow().text();
        String candidate = shipped.replace("<text>&gt;= 1000000</text>", "<text>&gt;= " + aFrom + "</text>")
                .replace("<text>[200000..1000000)</text>", "<text>[200000.." + aFrom + ")</text>");
        assertThat(candidate).isNotEqualTo(shipped);
        return CandidateReplays.report(as("rui"), "customer-tier.dmn", candidate, "customer-tier");
    }

    @Test
    void theNightlyReviewAt0100ShanghaiDecidesEveryCustomerAgainAndKeepsPins() {
        long customer = customer();
        long pinned = customer();
        as("mia").put("/api/customers/" + pinned + "/tier-pin", Map.of("tier", "B", "reason", "年度框架协议 Framework agreement"));
        int decisionsBefore = as("chen").getForObject("/api/customers/" + customer + "/decisions", JsonNode.class).size();
        Job timer = processEngine.getManagementService().createJobQuery().processDefinitionKey("customer-tier-review").timers().singleResult();
        assertThat(timer.getDuedate().toInstant().atZone(SHANGHAI).toLocalTime()).isEqualTo(LocalTime.of(1, 0));

        ClockUtil.setCurrentTime(timer.getDuedate());
        processEngine.getManagementService().executeJob(timer.getId());

        String businessKey = "tier-review-" + LocalDate.ofInstant(timer.getDuedate().toInstant(), SHANGHAI);
        HistoricProcessInstance review = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("customer-tier-review").processInstanceBusinessKey(businessKey).singleResult();
        assertThat(review).isNotNull();
        assertThat(review.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(as("chen").getForObject("/api/customers/" + customer + "/decisions", JsonNode.class)).as("one tier and one lifecycle decision")
                .hasSize(decisionsBefore + 2);
        assertThat(customer(pinned).get("tier").asText()).isEqualTo("B");
        assertThat(customer(pinned).get("decidedTier").asText()).isEqualTo("C");
        Job next = processEngine.getManagementService().createJobQuery().processDefinitionKey("customer-tier-review").timers().singleResult();
        assertThat(next.getDuedate()).isEqualTo(java.util.Date.from(timer.getDuedate().toInstant().plus(java.time.Duration.ofDays(1))));
    }
}

package io.crmflow.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ProcessIntegrationTest;
import io.crmflow.notify.Notifications;
import io.crmflow.notify.OutboxMessage;
import io.crmflow.team.SalesTeam;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code processes/rep-handover.bpmn} on the real engine (docs/product.md §14): a rep of EAST who leaves holds a lead with its
 * contact task, a customer with an open ticket, an open opportunity and a quote waiting for the manager's approval; mia
 * previews, tries to confirm without successors for what the rules cannot place (422, nothing moves), then confirms; after
 * that the rep owns nothing open anywhere — every owner column and the engine's tasks, candidates and variables are counted
 * before and after — and each successor has one summary.
 */
class HandoverProcessTest extends ProcessIntegrationTest {

    @Autowired
    IdentityService identity;

    @Autowired
    SalesTeam team;

    @Autowired
    TaskService tasks;

    @Autowired
    Notifications notifications;

    private String leaver;

    @BeforeEach
    void aRepWhoLeaves() {
        leaver = unique("leaver").toLowerCase();
        LeavingRep.create(identity, team, leaver);
    }

    /** What the rep still has open, counted in every table that names an owner and in the engine. */
    private Map<String, Long> openWith(String rep) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("leads", count("select count(*) from leads where owner_id = ? and status in ('NEW', 'ASSIGNED', 'CONTACTED', 'NURTURING')", rep));
        counts.put("opportunity", count("select count(*) from opportunity where owner_id = ? and stage not in ('WON', 'LOST')", rep));
        counts.put("opportunity_stage", count("select count(*) from opportunity_stage where owner_id = ? and left_at is null", rep));
        counts.put("customer", count("select count(*) from customer where account_owner = ?", rep));
        counts.put("ACT_RU_TASK", count("select count(*) from ACT_RU_TASK where ASSIGNEE_ = ?", rep));
        counts.put("ACT_RU_IDENTITYLINK", count("select count(*) from ACT_RU_IDENTITYLINK where USER_ID_ = ? and TASK_ID_ is not null", rep));
        counts.put("ACT_RU_VARIABLE", count("select count(*) from ACT_RU_VARIABLE where TEXT_ = ?", rep));
        return counts;
    }

    private long count(String sql, String rep) {
        return jdbc.sql(sql).param(rep).query(Long.class).single();
    }

    private long customerOf(String rep) {
        ResponseEntity<JsonNode> customer = as("mia").postForEntity("/api/customers", Map.of("name", unique("杭州交接医院"), "region", "EAST",
                "industry", "HOSPITAL", "owner", rep), JsonNode.class);
        assertThat(customer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return customer.getBody().get("id").asLong();
    }

    private long opportunityInProposalOf(String rep) {
        ResponseEntity<JsonNode> created = as("mia").postForEntity("/api/opportunities", Map.of("name", unique("杭州交接医院 超声"),
                "company", "杭州交接医院", "region", "EAST", "productLine", "DEVICES", "owner", rep), JsonNode.class);
        long id = created.getBody().get("id").asLong();
        as("mia").postForEntity("/api/opportunities/" + id + "/stage", Map.of("stage", "NEEDS_CONFIRMED", "details",
                Map.of("contactPerson", "刘主任", "firstMeetingNote", "设备科首次拜访")), JsonNode.class);
        ResponseEntity<JsonNode> proposal = as("mia").postForEntity("/api/opportunities/" + id + "/stage", Map.of("stage", "PROPOSAL",
                "details", Map.of("requirementSummary", "超声更新", "budget", 500000, "decisionMaker", "王院长")), JsonNode.class);
        assertThat(proposal.getStatusCode()).isEqualTo(HttpStatus.OK);
        return id;
    }

    private long quoteWaitingForApproval(long opportunityId) {
        ResponseEntity<JsonNode> product = as("admin").postForEntity("/api/products", Map.of("sku", unique("H"), "name", "迈瑞 Resona 超声",
                "category", unique("超声"), "listPrice", new BigDecimal("100000.00"), "stock", 5), JsonNode.class);
        ResponseEntity<JsonNode> quote = as("mia").postForEntity("/api/opportunities/" + opportunityId + "/quotes", Map.of("lines",
                List.of(Map.of("productId", product.getBody().get("id").asLong(), "quantity", 1)), "discountPercent", new BigDecimal("15")),
                JsonNode.class);
        assertThat(quote.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(quote.getBody().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        return quote.getBody().get("id").asLong();
    }

    @Test
    void aLeavingRepsWholeBookMovesAtOnceAndNothingIsLeftBehind() {
        long lead = LeavingRep.leadDispatchedTo(as("mia"), leaver, unique("交接线索"));
        long customer = customerOf(leaver);
        ResponseEntity<JsonNode> ticket = as("sam").postForEntity("/api/tickets", Map.of("customerId", customer, "severity", "HIGH",
                "channel", "PHONE", "subject", "超声探头故障 Probe fault", "description", "探头无图像"), JsonNode.class);
        assertThat(ticket.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long opportunity = opportunityInProposalOf(leaver);
        long quote = quoteWaitingForApproval(opportunity);
        Map<String, Long> atStart = openWith(leaver);
        assertThat(atStart.get("leads")).isEqualTo(1);
        assertThat(atStart.get("opportunity")).isEqualTo(1);
        assertThat(atStart.get("customer")).isEqualTo(1);
        assertThat(atStart.get("ACT_RU_TASK")).as("the lead's contact task, the opportunity's stage task").isEqualTo(2);
        assertThat(atStart.get("ACT_RU_VARIABLE")).as("owner in the lead's, opportunity's and quote's processes").isGreaterThanOrEqualTo(3);

        assertThat(as("bob").postForEntity("/api/handovers", Map.of("rep", leaver), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("noah").postForEntity("/api/handovers", Map.of("rep", leaver), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> started = as("mia").postForEntity("/api/handovers", Map.of("rep", leaver), JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String handover = started.getBody().get("processInstanceId").asText();
        // Counted again with the handover running: its own variable names the rep until it ends.
        Map<String, Long> before = openWith(leaver);
        JsonNode preview = started.getBody().get("preview").get("records");
        assertThat(preview.findValuesAsText("key")).contains("lead:" + lead, "customer:" + customer, "opportunity:" + opportunity,
                "quote:" + quote, "ticket:" + ticket.getBody().get("id").asLong());
        Task review = tasks.createTaskQuery().processInstanceId(handover).singleResult();
        assertThat(review.getAssignee()).isEqualTo("mia");
        assertThat((String) tasks.getVariable(review.getId(), "previewText")).contains("opportunity:" + opportunity, "quote:" + quote);

        // The lead names no product line or industry: nobody matches it, so it needs a successor named for it.
        Map<String, Object> withoutDefault = Map.of("successors", Map.of("opportunity:" + opportunity, "frank"));
        ResponseEntity<JsonNode> refused = as("mia").postForEntity("/api/handovers/" + handover + "/confirm", withoutDefault, JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("detail").asText()).contains("lead:" + lead);
        assertThat(openWith(leaver)).as("nothing moved").isEqualTo(before);

        Map<String, Object> confirmation = new HashMap<>(withoutDefault);
        confirmation.put("defaultSuccessor", "bob");
        ResponseEntity<JsonNode> confirmed = as("mia").postForEntity("/api/handovers/" + handover + "/confirm", confirmation, JsonNode.class);

        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(openWith(leaver).values()).as("the rep owns nothing open").containsOnly(0L);
        assertThat(confirmed.getBody().get("remaining").get("records")).isEmpty();
        assertThat(jdbc.sql("select owner_id from opportunity where id = ?").param(opportunity).query(String.class).single()).isEqualTo("frank");
        assertThat(jdbc.sql("select owner_id from leads where id = ?").param(lead).query(String.class).single()).isEqualTo("bob");
        String quoteInstance = processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("quote-approval")
                .processInstanceBusinessKey(String.valueOf(quote)).singleResult().getId();
        assertThat(processEngine.getRuntimeService().getVariable(quoteInstance, "owner")).as("the quote moves with its opportunity")
                .isEqualTo("frank");
        assertThat(tasks.createTaskQuery().taskAssignee("bob").processVariableValueEquals("leadId", lead).count())
                .as("bob sees the lead's contact task in Tasklist").isEqualTo(1);
        assertThat(as("admin").getForObject("/api/audit?entity=opportunity&entityId=" + opportunity, JsonNode.class))
                .anySatisfy(entry -> {
                    assertThat(entry.get("reason").asText()).isEqualTo("HANDOVER");
                    assertThat(entry.get("newValue").asText()).isEqualTo("frank");
                });
        assertThat(notifications.about("handover:" + leaver)).extracting(OutboxMessage::recipient)
                .contains("frank", "bob").doesNotHaveDuplicates();
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(handover).finished().count())
                .isEqualTo(1);
        assertThat(as("mia").getForObject("/api/team/reps", JsonNode.class)).filteredOn(rep -> rep.get("userId").asText().equals(leaver))
                .singleElement().satisfies(rep -> assertThat(rep.get("active").asBoolean()).as("assignment passes the rep by from now on").isFalse());
        String perOwner = " where stage = 'PROPOSAL' and owner_id in (:owners) group by owner_id order by owner_id";
        assertThat(jdbc.sql("select owner_id, sum(entered) from opportunity_stage_day" + perOwner).param("owners", List.of(leaver, "frank"))
                .query((rs, row) -> rs.getString(1) + "=" + rs.getLong(2)).list())
                .as("the funnel counts the open stay for the successor, as the stage history does")
                .isEqualTo(jdbc.sql("select owner_id, count(*) from opportunity_stage" + perOwner).param("owners", List.of(leaver, "frank"))
                        .query((rs, row) -> rs.getString(1) + "=" + rs.getLong(2)).list());
    }
}

package io.crmflow.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The Tasklist filters of each user, read through Camunda's REST API as Tasklist reads them. */
class TasklistFiltersTest extends QuoteTestSupport {

    private JsonNode listed(String user, String filterName, Map<String, Object> narrowing) {
        for (JsonNode filter : as(user).getForObject("/engine-rest/filter?owner=" + user, JsonNode.class)) {
            if (filter.get("name").asText().contains(filterName)) {
                return as(user).postForObject("/engine-rest/filter/" + filter.get("id").asText() + "/list", narrowing, JsonNode.class);
            }
        }
        throw new AssertionError(user + " has no filter named " + filterName);
    }

    @Test
    void theManagerThenFinanceSeeTheQuoteUnderApprovals() {
        JsonNode quote = quote(proposal(), "25");
        String processInstanceId = quote.get("processInstanceId").asText();
        Map<String, Object> thisQuote = Map.of("processInstanceId", processInstanceId);

        assertThat(listed("mia", "Approvals", thisQuote).findValuesAsText("taskDefinitionKey")).containsExactly("Task_ManagerApproval");
        assertThat(listed("fiona", "Approvals", thisQuote)).isEmpty();
        assertThat(listed("chen", "Approvals", thisQuote)).isEmpty();

        decide("mia", quote.get("id").asLong(), true, null);

        assertThat(listed("mia", "Approvals", thisQuote)).isEmpty();
        assertThat(listed("fiona", "Approvals", thisQuote).findValuesAsText("taskDefinitionKey")).containsExactly("Task_FinanceApproval");
    }

    @Test
    void tasksWithADeadlineAreListedByDueDate() {
        JsonNode lead = as("mia").postForObject("/api/leads", Map.of("name", "黄伟", "company", unique("佛山医院"), "source", "REFERRAL",
                "region", "SOUTH", "industry", "HOSPITAL", "productLine", "DEVICES", "visits30d", 10, "dwellSeconds", 600), JsonNode.class);
        assertThat(lead.get("owner").asText()).isEqualTo("chen");

        JsonNode byDueDate = listed("chen", "By due date", Map.of("processInstanceId", lead.get("processInstanceId").asText()));

        assertThat(byDueDate.findValuesAsText("taskDefinitionKey")).containsExactly("Task_ContactLead");
        assertThat(byDueDate.get(0).get("due").asText()).isNotBlank();
        assertThat(listed("chen", "Approvals", Map.of("processInstanceId", lead.get("processInstanceId").asText()))).isEmpty();
    }
}

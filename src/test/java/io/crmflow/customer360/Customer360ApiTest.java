package io.crmflow.customer360;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * {@code GET /api/customers/{id}/360} per role (docs/product.md §12): the owner sees every section, support the profile and
 * the tickets only, a rep who does not own the customer nothing (404). The whole journey of a new company, on an empty
 * PostgreSQL database, is {@code NewCompanyCustomerJourneyBrowserTest}.
 */
class Customer360ApiTest extends IntegrationTest {

    @Test
    void theOwnerSeesEverySectionSupportTheTicketsAndAnotherRepNothing() {
        String name = unique("嘉善第一人民医院");
        long id = as("alice").postForObject("/api/customers", Map.of("name", name, "region", "EAST", "industry", "HOSPITAL"), JsonNode.class)
                .get("id").asLong();
        as("alice").postForObject("/api/customers/" + id + "/contacts", Map.of("name", "吴主任", "role", "DECISION_MAKER",
                "phone", uniquePhone()), JsonNode.class);
        assertThat(as("sam").postForEntity("/api/tickets", Map.of("customerId", id, "severity", "HIGH", "channel", "PHONE",
                "subject", "监护仪报警", "description", "监护仪反复报警"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        JsonNode forOwner = as("alice").getForObject("/api/customers/" + id + "/360", JsonNode.class);
        assertThat(forOwner.get("customer").get("contacts").findValuesAsText("name")).containsExactly("吴主任");
        assertThat(forOwner.has("leads")).isTrue();
        assertThat(forOwner.get("tickets").findValuesAsText("subject")).containsExactly("监护仪报警");
        assertThat(forOwner.get("timeline").findValuesAsText("source")).contains("CUSTOMER", "TICKET");

        JsonNode forSupport = as("sam").getForObject("/api/customers/" + id + "/360", JsonNode.class);
        assertThat(forSupport.get("tickets")).hasSize(1);
        assertThat(forSupport.has("leads")).as("support reads profile and tickets only").isFalse();
        assertThat(forSupport.get("timeline").findValuesAsText("source")).doesNotContain("LEAD", "OPPORTUNITY");
        assertThat(as("bob").getForEntity("/api/customers/" + id + "/360", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}

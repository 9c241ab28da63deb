package io.crmflow.customer360;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 19's "done when", through the API only and with nothing but the sales team there before (no demo customer is
 * used): a manager enters a customer with two contacts and imports 1 000 more from CSV; a lead for the first company
 * is qualified and joins that customer instead of making a new one; support files a ticket for it; the 360 view shows
 * all of it, the timeline newest first. Runs on H2 and in the postgres-tests execution.
 */
class CustomerJourneyTest extends IntegrationTest {

    private static final int IMPORTED = 1_000;

    @Test
    void aNewCompanyRunsItsCustomersFromEntryToTicketAndSeesThemInOnePlace() {
        String batch = unique("旅程");
        String name = batch + "绍兴市中心医院";
        ResponseEntity<JsonNode> entered = as("mia").postForEntity("/api/customers", Map.of("name", name, "region", "EAST",
                "industry", "HOSPITAL", "owner", "alice"), JsonNode.class);
        assertThat(entered.getStatusCode()).as(String.valueOf(entered.getBody())).isEqualTo(HttpStatus.CREATED);
        long id = entered.getBody().get("id").asLong();
        for (Map<String, String> contact : List.of(Map.of("name", "沈院长", "role", "DECISION_MAKER", "phone", uniquePhone()),
                Map.of("name", "陆科长", "role", "PURCHASER", "email", "lu@" + batch.toLowerCase() + ".example"))) {
            assertThat(as("alice").postForEntity("/api/customers/" + id + "/contacts", contact, JsonNode.class).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }

        StringBuilder csv = new StringBuilder("name,industry,region,owner\n");
        for (int row = 0; row < IMPORTED; row++) {
            csv.append(batch).append("导入客户").append(row).append(",PHARMACY,EAST,").append(row % 2 == 0 ? "alice" : "bob").append('\n');
        }
        HttpHeaders text = new HttpHeaders();
        text.setContentType(MediaType.parseMediaType("text/csv; charset=UTF-8"));
        JsonNode report = as("mia").exchange("/api/customers/import", HttpMethod.POST, new HttpEntity<>(csv.toString(), text), JsonNode.class)
                .getBody();
        assertThat(report.get("created").asInt()).as(String.valueOf(report.get("rows"))).isEqualTo(IMPORTED);
        assertThat(report.get("rejected").asInt()).isZero();
        assertThat(as("mia").getForObject("/api/customers?q=" + batch + "导入客户&size=1", JsonNode.class).get("total").asInt())
                .isEqualTo(IMPORTED);

        JsonNode lead = as("mia").postForObject("/api/leads", Map.of("name", "沈院长", "company", " " + name + " ", "phone", uniquePhone(),
                "source", "REFERRAL", "region", "EAST", "industry", "HOSPITAL", "productLine", "DEVICES", "visits30d", 10,
                "dwellSeconds", 600), JsonNode.class);
        long leadId = lead.get("id").asLong();
        ResponseEntity<JsonNode> contacted = as("mia").postForEntity("/api/leads/" + leadId + "/contact",
                Map.of("contactChannel", "PHONE", "contactNote", "约了院长面谈"), JsonNode.class);
        assertThat(contacted.getStatusCode()).as(String.valueOf(contacted.getBody())).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> qualified = as("mia").postForEntity("/api/leads/" + leadId + "/qualify",
                Map.of("qualificationNote", "采购 10 台监护仪"), JsonNode.class);
        assertThat(qualified.getStatusCode()).as(String.valueOf(qualified.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(as("mia").getForObject("/api/customers?q=" + batch + "绍兴", JsonNode.class).get("total").asInt())
                .as("the lead joined the customer instead of making a new one").isEqualTo(1);

        ResponseEntity<JsonNode> ticket = as("sam").postForEntity("/api/tickets", Map.of("customerId", id, "severity", "HIGH",
                "channel", "PHONE", "subject", "监护仪报警", "description", "新装监护仪反复报警"), JsonNode.class);
        assertThat(ticket.getStatusCode()).as(String.valueOf(ticket.getBody())).isEqualTo(HttpStatus.CREATED);

        JsonNode view = as("alice").getForObject("/api/customers/" + id + "/360", JsonNode.class);
        assertThat(view.get("customer").get("name").asText()).isEqualTo(name);
        assertThat(view.get("customer").get("owner").asText()).as("the existing customer keeps its owner").isEqualTo("alice");
        assertThat(view.get("customer").get("contacts").findValuesAsText("name")).contains("沈院长", "陆科长");
        assertThat(view.get("customer").get("tierDecision").get("ruleSetVersion").asText()).isNotBlank();
        assertThat(view.get("leads").findValuesAsText("id")).containsExactly(String.valueOf(leadId));
        assertThat(view.get("customer").get("opportunities")).hasSize(1);
        assertThat(view.get("tickets").findValuesAsText("subject")).containsExactly("监护仪报警");
        assertThat(view.get("tickets").get(0).get("firstResponse").asText()).isEqualTo("RUNNING");
        assertThat(view.get("outstandingInstallments")).isEmpty();
        JsonNode timeline = view.get("timeline");
        assertThat(timeline.findValuesAsText("source")).contains("CUSTOMER", "LEAD", "OPPORTUNITY", "TICKET");
        List<Instant> times = new ArrayList<>();
        timeline.forEach(entry -> times.add(Instant.parse(entry.get("occurredAt").asText())));
        assertThat(times).as("newest first").isSortedAccordingTo((first, second) -> second.compareTo(first));

        JsonNode forSupport = as("sam").getForObject("/api/customers/" + id + "/360", JsonNode.class);
        assertThat(forSupport.get("tickets")).hasSize(1);
        assertThat(forSupport.has("leads")).as("support reads profile and tickets only").isFalse();
        assertThat(forSupport.get("timeline").findValuesAsText("source")).doesNotContain("LEAD", "OPPORTUNITY");
        assertThat(as("bob").getForEntity("/api/customers/" + id + "/360", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}

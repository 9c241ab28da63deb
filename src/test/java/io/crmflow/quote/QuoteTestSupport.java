package io.crmflow.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ProcessIntegrationTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Opportunities of chen's (SOUTH, managed by mia) in PROPOSAL, and products of a category no other test uses. */
public abstract class QuoteTestSupport extends ProcessIntegrationTest {

    /** An opportunity of chen's moved through the API to PROPOSAL, where quotes are made. */
    protected long proposal() {
        ResponseEntity<JsonNode> created = as("mia").postForEntity("/api/opportunities", Map.of("name", unique("广州中山医院 监护仪"),
                "company", "广州中山医院", "region", "SOUTH", "productLine", "DEVICES", "owner", "chen"), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        moveTo(id, "NEEDS_CONFIRMED", Map.of("contactPerson", "刘主任", "firstMeetingNote", "设备科首次拜访"));
        moveTo(id, "PROPOSAL", Map.of("requirementSummary", "ICU 监护仪更新", "budget", 500000, "decisionMaker", "王院长"));
        return id;
    }

    protected ResponseEntity<JsonNode> moveTo(long opportunityId, String stage, Map<String, Object> details) {
        Map<String, Object> body = new HashMap<>(Map.of("stage", stage));
        if (!details.isEmpty()) {
            body.put("details", details);
        }
        return as("chen").postForEntity("/api/opportunities/" + opportunityId + "/stage", body, JsonNode.class);
    }

    /** A product entered by the administrator; returns its id. */
    protected long product(String name, String category, String listPrice, int stock) {
        ResponseEntity<JsonNode> created = as("admin").postForEntity("/api/products", Map.of("sku", unique("T"), "name", name,
                "category", category, "listPrice", new BigDecimal(listPrice), "stock", stock), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id").asLong();
    }

    protected static Map<String, Object> line(long productId, int quantity) {
        return Map.of("productId", productId, "quantity", quantity);
    }

    protected ResponseEntity<JsonNode> submit(String user, long opportunityId, List<Map<String, Object>> lines, String discountPercent) {
        return as(user).postForEntity("/api/opportunities/" + opportunityId + "/quotes",
                Map.of("lines", lines, "discountPercent", new BigDecimal(discountPercent)), JsonNode.class);
    }

    /** A quote of 2 monitors at 38 500.00 CNY (list total 77 000.00) with the given discount, submitted by chen. */
    protected JsonNode quote(long opportunityId, String discountPercent) {
        long monitor = product("迈瑞 PM-7000 多参数监护仪", unique("监护仪"), "38500.00", 10);
        ResponseEntity<JsonNode> submitted = submit("chen", opportunityId, List.of(line(monitor, 2)), discountPercent);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return submitted.getBody();
    }

    protected ResponseEntity<JsonNode> decide(String user, long quoteId, boolean approve, String comment) {
        Map<String, Object> body = new HashMap<>(Map.of("approve", approve));
        if (comment != null) {
            body.put("comment", comment);
        }
        return as(user).postForEntity("/api/quotes/" + quoteId + "/decision", body, JsonNode.class);
    }

    protected JsonNode reloadQuote(long opportunityId, long quoteId) {
        return as("chen").getForObject("/api/opportunities/" + opportunityId + "/quotes/" + quoteId, JsonNode.class);
    }

    protected List<String> timelineTypes(long opportunityId) {
        return as("mia").getForObject("/api/opportunities/" + opportunityId + "/timeline", JsonNode.class).findValuesAsText("type");
    }
}

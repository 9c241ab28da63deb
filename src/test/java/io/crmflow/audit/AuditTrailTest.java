package io.crmflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Who changed which field, when, from what to what: recorded with the change, readable by administrators, never rewritten. */
class AuditTrailTest extends IntegrationTest {

    private JsonNode entries(String query) {
        return as("admin").getForObject("/api/audit?" + query, JsonNode.class);
    }

    @Test
    void profileChangesAreAuditedWithTheManagerWhoMadeThem() {
        Map<String, Object> profile = Map.of("regions", List.of("EAST"), "productLines", List.of("DEVICES", "CONSUMABLES"),
                "industries", List.of("HOSPITAL"), "capacity", 11, "active", true);
        long before = count("audit_log");
        assertThat(as("mia").exchange("/api/team/reps/frank", HttpMethod.PUT, new HttpEntity<>(profile), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        try {
            JsonNode changes = entries("entity=sales_rep&entityId=frank&actor=mia");
            assertThat(changes).anySatisfy(entry -> {
                assertThat(entry.get("field").asText()).isEqualTo("capacity");
                assertThat(entry.get("oldValue").asText()).isEqualTo("10");
                assertThat(entry.get("newValue").asText()).isEqualTo("11");
            });
            assertThat(changes.findValuesAsText("field")).contains("productLines").doesNotContain("regions", "industries", "active");
        } finally {
            as("admin").exchange("/api/team/reps/frank", HttpMethod.PUT, new HttpEntity<>(Map.of("regions", List.of("EAST"),
                    "productLines", List.of("DEVICES"), "industries", List.of("HOSPITAL"), "capacity", 10, "active", true)), JsonNode.class);
        }
        assertThat(count("audit_log")).isGreaterThanOrEqualTo(before + 4);
    }

    @Test
    void aLeadsOwnerAndStatusChangesAreAuditedWithTheRulesVersionThatDecided() {
        String company = unique("审计医院");
        JsonNode lead = as("mia").postForObject("/api/leads", Map.of("name", "赵磊", "company", company, "source", "REFERRAL",
                "region", "SOUTH", "industry", "HOSPITAL", "productLine", "DEVICES", "visits30d", 10, "dwellSeconds", 600), JsonNode.class);

        JsonNode changes = entries("entity=lead&entityId=" + lead.get("id").asText());

        assertThat(changes).anySatisfy(entry -> {
            assertThat(entry.get("field").asText()).isEqualTo("owner");
            assertThat(entry.hasNonNull("oldValue")).isFalse();
            assertThat(entry.get("newValue").asText()).isEqualTo("chen");
            assertThat(entry.get("actor").asText()).startsWith("rules@");
        });
        assertThat(changes.findValuesAsText("field")).contains("status");
    }

    @Test
    void onlyAdministratorsReadTheLog() {
        for (String user : new String[] {"mia", "alice", "rui", "lily"}) {
            assertThat(as(user).getForEntity("/api/audit", JsonNode.class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(as("admin").getForEntity("/api/audit?limit=0", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theDatabaseRefusesToRewriteOrDeleteEntries() {
        as("mia").postForObject("/api/leads", Map.of("name", "钱多", "company", unique("审计诊所"), "source", "WEBSITE",
                "region", "EAST", "visits30d", 0, "dwellSeconds", 0), JsonNode.class);
        long entries = count("audit_log");
        assertThat(entries).isPositive();

        assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'someone else'").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update()).hasMessageContaining("append-only");
        assertThat(count("audit_log")).isEqualTo(entries);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'someone else'").query(Long.class).single()).isZero();
    }
}

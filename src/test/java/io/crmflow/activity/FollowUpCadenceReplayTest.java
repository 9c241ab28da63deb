package io.crmflow.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import io.crmflow.persistence.SqlTimes;
import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.CandidateReplays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The cadence table in the rules lifecycle (docs/product.md §6, §13): replaying a candidate shows which customers would become due. */
class FollowUpCadenceReplayTest extends IntegrationTest {

    @Autowired
    ActiveRuleSet activeRuleSet;

    @Test
    void aShorterTierCCadenceShowsTheCustomersThatWouldBecomeDue() {
        long customer = as("chen").postForObject("/api/customers", Map.of("name", unique("珠海重放药房"), "region", "SOUTH"), JsonNode.class)
                .get("id").asLong();
        jdbc.sql("update customer set created_at = ? where id = ?").params(SqlTimes.timestamp(Instant.now().minus(Duration.ofDays(25))), customer)
                .update();
        String shipped = activeRuleSet.current().file("follow-up-cadence.dmn").orElseThrow().text();
        String candidate = shipped.replace("<outputEntry id=\"FollowUpCadence_RowC_Days\"><text>30</text>",
                "<outputEntry id=\"FollowUpCadence_RowC_Days\"><text>20</text>");
        assertThat(candidate).isNotEqualTo(shipped);

        JsonNode report = CandidateReplays.report(as("rui"), "follow-up-cadence.dmn", candidate, "follow-up-cadence");

        assertThat(report.get("summary").get(0).asText()).contains("would become due for a follow-up today");
        assertThat(report.get("differences")).anySatisfy(difference -> {
            assertThat(difference.get("record").asLong()).isEqualTo(customer);
            assertThat(difference.get("field").asText()).isEqualTo("due");
            assertThat(difference.get("newValue").asText()).contains("Tier C", "20 天无 days without");
        });
        assertThat(report.get("shares")).anySatisfy(share -> {
            assertThat(share.get("value").asText()).isEqualTo("C");
            assertThat(share.get("after").asInt()).isGreaterThan(share.get("before").asInt());
        });
    }
}

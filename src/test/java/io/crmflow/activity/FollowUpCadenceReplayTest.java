package io.crmflow.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import io.crmflow.persistence.SqlTimes;
import io.crmflow.rules.ActiveRuleSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

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

        JsonNode report = replay(candidate);

        assertThat(report.get("summary").get(0).asText()).contains("would become due for a follow-up today");
        assertThat(report.get("differences")).anySatisfy(difference -> {
            assertThat(difference.get("record").asLong()).isEqualTo(customer);
            assertThat(difference.get("field").asText()).isEqualTo("due");
            assertThat(difference.get("newValue").asText()).contains("Tier C", "20 days");
        });
        assertThat(report.get("shares")).anySatisfy(share -> {
            assertThat(share.get("value").asText()).isEqualTo("C");
            assertThat(share.get("after").asInt()).isGreaterThan(share.get("before").asInt());
        });
    }

    private JsonNode replay(String cadenceTable) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("files", new ByteArrayResource(cadenceTable.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "follow-up-cadence.dmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        long id = as("rui").postForObject("/api/rules/candidates", new HttpEntity<>(body, headers), JsonNode.class).get("id").asLong();
        JsonNode replay = as("rui").exchange("/api/rules/candidates/" + id + "/replay?last=1000", HttpMethod.POST, null, JsonNode.class).getBody();
        for (JsonNode report : replay.get("reports")) {
            if (report.get("kind").asText().equals("follow-up-cadence")) {
                return report;
            }
        }
        throw new AssertionError("no follow-up-cadence report in " + replay);
    }
}

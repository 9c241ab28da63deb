package io.crmflow.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ChromiumIntegrationTest;
import io.crmflow.Tasklist;
import io.crmflow.persistence.SqlTimes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rep records a call from the *Follow up customer* task in the real Tasklist, in headless Chromium (docs/product.md §13):
 * the form shows the customer, why it is behind and what its tier needs; the completed form becomes the customer's activity.
 */
class FollowUpTaskBrowserTest extends ChromiumIntegrationTest {

    @Autowired
    FollowUps followUps;

    @Test
    void repRecordsACallFromTheFollowUpTaskInTasklist() throws IOException {
        String name = unique("东莞康复药房");
        long customer = as("chen").postForObject("/api/customers", Map.of("name", name, "region", "SOUTH"), JsonNode.class).get("id").asLong();
        jdbc.sql("update customer set created_at = ? where id = ?").params(SqlTimes.timestamp(Instant.now().minus(Duration.ofDays(40))), customer)
                .update();
        followUps.openFollowUps();
        Tasklist tasklist = new Tasklist(chromium.browser(), port);
        tasklist.logIn("chen");
        tasklist.openTask(name);

        tasklist.awaitFormShowing(name);
        assertThat(tasklist.formValues()).anyMatch(value -> value.contains("Tier C")).anyMatch(value -> value.contains("every 30 days"));
        tasklist.type("Field_activityNote", "电话回访 Called, the store restocks next month");
        tasklist.type("Field_activityMinutes", "20");
        tasklist.choose("Field_activityKind", "电话 Call");
        chromium.screenshot("followUpFormFilled");
        tasklist.complete();

        tasklist.await().until(driver -> as("chen").getForObject("/api/customers/" + customer + "/activities", JsonNode.class).size() == 1);
        JsonNode call = as("chen").getForObject("/api/customers/" + customer + "/activities", JsonNode.class).get(0);
        assertThat(call.get("kind").asText()).isEqualTo("CALL");
        assertThat(call.get("minutes").asInt()).isEqualTo(20);
        assertThat(call.get("recordedBy").asText()).isEqualTo("chen");
        assertThat(call.get("note").asText()).contains("restocks next month");
    }
}

package io.crmflow.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ChromiumIntegrationTest;
import io.crmflow.Tasklist;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pharmacy visit's steps in the real Tasklist, in headless Chromium (docs/product.md §13): the form names the evidence
 * the step needs; completing it without that evidence is refused and Tasklist shows what is missing; once the rep has
 * recorded the evidence as an activity, the same Complete moves the visit to its next step.
 */
class PharmacyVisitBrowserTest extends ChromiumIntegrationTest {

    @Autowired
    TaskService tasks;

    private String openStepOf(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getTaskDefinitionKey();
    }

    @Test
    void aStepIsRefusedInTasklistWithoutItsEvidenceAndCompletedWithIt() throws IOException {
        String name = unique("江门仁爱药房");
        long customer = as("chen").postForObject("/api/customers", Map.of("name", name, "region", "SOUTH", "industry", "PHARMACY"), JsonNode.class)
                .get("id").asLong();
        String visit = as("chen").postForObject("/api/customers/" + customer + "/pharmacy-visits", null, JsonNode.class)
                .get("processInstanceId").asText();
        Tasklist tasklist = new Tasklist(chromium.browser(), port);
        tasklist.logIn("chen");

        tasklist.openTask("预约拜访 Book the visit: " + name);
        tasklist.awaitFormShowing(name);
        assertThat(tasklist.formValues()).anyMatch(value -> value.contains("booked the visit"));
        chromium.screenshot("pharmacyVisitBookingForm");
        tasklist.complete();
        String refusal = tasklist.awaitError();
        chromium.screenshot("pharmacyVisitBookingRefused");
        assertThat(refusal).contains("Missing evidence", "Book the visit", "booked the visit");
        assertThat(openStepOf(visit)).isEqualTo("Task_BookVisit");

        as("chen").postForObject("/api/customers/" + customer + "/activities", Map.of("kind", "CALL", "occurredAt", Instant.now().toString(),
                "minutes", 5, "note", "预约周四上午拜访 Visit booked for Thursday morning"), JsonNode.class);
        tasklist.complete();

        tasklist.await().until(driver -> openStepOf(visit).equals("Task_CheckStock"));
        tasklist.reload();
        tasklist.openTask("库存检查 Stock check: " + name);
        tasklist.awaitFormShowing(name);
        assertThat(tasklist.formValues()).anyMatch(value -> value.contains("shelf photo"));
        chromium.screenshot("pharmacyVisitStockCheckForm");
    }
}

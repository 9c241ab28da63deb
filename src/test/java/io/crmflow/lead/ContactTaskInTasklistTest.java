package io.crmflow.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The contact task as Tasklist sees it, through the same {@code /engine-rest} calls Tasklist makes with the rep's
 * credentials: her filter lists it, its Camunda Form comes from {@code forms/}, the lead's data is in its variables,
 * and submitting the form moves the process on. Other reps do not see it.
 */
class ContactTaskInTasklistTest extends IntegrationTest {

    @Test
    void repSeesFormAndCompletesTheContactTask() {
        String company = unique("上海仁济");
        JsonNode lead = as("mia").postForObject("/api/leads", Map.of("name", "王芳", "company", company,
                "email", company + "@example.cn", "source", "TRADE_SHOW", "region", "EAST", "industry", "HOSPITAL",
                "productLine", "DEVICES", "visits30d", 10, "dwellSeconds", 700), JsonNode.class);
        String owner = lead.get("owner").asText();
        assertThat(owner).isIn("alice", "frank");
        String processInstanceId = lead.get("processInstanceId").asText();

        JsonNode filters = as(owner).getForObject("/engine-rest/filter", JsonNode.class);
        String myTasks = null;
        for (JsonNode filter : filters) {
            if (filter.get("name").asText().contains("My tasks")) {
                myTasks = filter.get("id").asText();
            }
        }
        assertThat(myTasks).isNotNull();
        // Tasklist narrows a filter the same way when one searches within it.
        JsonNode listed = as(owner).postForObject("/engine-rest/filter/" + myTasks + "/list",
                Map.of("processInstanceId", processInstanceId), JsonNode.class);
        assertThat(listed).as("%s's My tasks filter: %s", owner, listed).hasSize(1);
        JsonNode task = listed.get(0);
        String taskId = task.get("id").asText();

        ResponseEntity<String> form = as(owner).getForEntity("/engine-rest/task/" + taskId + "/deployed-form", String.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("\"id\": \"contact-lead\"", "contactChannel", "contactNote");

        JsonNode variables = as(owner).getForObject("/engine-rest/task/" + taskId + "/form-variables", JsonNode.class);
        assertThat(variables.get("company").get("value").asText()).isEqualTo(company);
        assertThat(variables.get("grade").get("value").asText()).isEqualTo("A");

        String other = owner.equals("alice") ? "frank" : "alice";
        assertThat(as(other).getForEntity("/engine-rest/task/" + taskId, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("bob").postForEntity("/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", Map.of()), String.class).getStatusCode().is4xxClientError()).isTrue();

        ResponseEntity<String> submitted = as(owner).postForEntity("/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", Map.of("contactChannel", Map.of("value", "PHONE"), "contactNote", Map.of("value", "约了下周二拜访"))),
                String.class);

        assertThat(submitted.getStatusCode().is2xxSuccessful()).isTrue();
        JsonNode next = as(owner).getForObject("/engine-rest/task?processInstanceId=" + processInstanceId, JsonNode.class);
        assertThat(next.get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_QualifyLead");
        assertThat(as(owner).getForObject("/api/leads/" + lead.get("id").asText(), JsonNode.class).get("status").asText())
                .isEqualTo("CONTACTED");
    }
}

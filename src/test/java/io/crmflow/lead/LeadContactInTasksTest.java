package io.crmflow.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The field rule of docs/product.md §8 where the engine keeps lead data: the qualification process holds phone and email masked,
 * and only the form of a lead task read by someone who may see them (owner, administrator) shows them in full. The
 * same in Tasklist: {@code LeadTaskFormBrowserTest}.
 */
class LeadContactInTasksTest extends IntegrationTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    MaskStoredContactDetails maskStoredContactDetails;

    @Test
    void theOwnerSeesContactDetailsInTheFormAColleagueSheHandsTheTaskToSeesThemMasked() {
        String phone = uniquePhone();
        String email = unique("zhang.wei") + "@example.cn";
        JsonNode lead = eastHospitalLead(phone, email);
        String owner = lead.get("owner").asText();
        String processInstanceId = lead.get("processInstanceId").asText();
        String taskId = as(owner).getForObject("/engine-rest/task?processInstanceId=" + processInstanceId, JsonNode.class)
                .get(0).get("id").asText();
        String maskedPhone = "139****" + phone.substring(phone.length() - 4);

        for (String reader : List.of(owner, "admin")) {
            JsonNode form = as(reader).getForObject("/engine-rest/task/" + taskId + "/form-variables", JsonNode.class);
            assertThat(form.get("phone").get("value").asText()).as(reader).isEqualTo(phone);
            assertThat(form.get("email").get("value").asText()).as(reader).isEqualTo(email);
        }

        String colleague = "bob";
        assertThat(as(owner).postForEntity("/engine-rest/task/" + taskId + "/assignee", Map.of("userId", colleague), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode form = as(colleague).getForObject("/engine-rest/task/" + taskId + "/form-variables", JsonNode.class);
        assertThat(form.get("phone").get("value").asText()).isEqualTo(maskedPhone);
        assertThat(form.get("email").get("value").asText()).isEqualTo("z***@example.cn");
        assertThat(form.get("company").get("value").asText()).as("the rest of the lead as before").isEqualTo(lead.get("company").asText());
        for (String path : List.of("/engine-rest/task/" + taskId + "/form-variables", "/engine-rest/task/" + taskId + "/variables",
                "/engine-rest/task/" + taskId + "/form-variables?variableNames=phone,email",
                "/engine-rest/variable-instance?processInstanceIdIn=" + processInstanceId,
                "/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId,
                "/engine-rest/history/detail?processInstanceId=" + processInstanceId)) {
            ResponseEntity<String> response = as(colleague).getForEntity(path, String.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).as(path).doesNotContain(phone, email);
        }
        assertThat(as("pat").getForObject("/engine-rest/task?processInstanceId=" + processInstanceId, JsonNode.class))
                .as("process designers do not read others' tasks").isEmpty();
        assertThat(timesStored(phone, email)).as("the engine stores them masked, in its history too").isZero();
    }

    @Test
    void theFormShowsTheLeadFromItsRowAndCompletingItAsTasklistDoesLeavesTheLeadOutOfTheProcess() {
        String phone = uniquePhone();
        String email = unique("zhao.lei") + "@example.cn";
        JsonNode lead = eastHospitalLead(phone, email);
        String owner = lead.get("owner").asText();
        String processInstanceId = lead.get("processInstanceId").asText();
        String taskId = as(owner).getForObject("/engine-rest/task?processInstanceId=" + processInstanceId, JsonNode.class)
                .get(0).get("id").asText();

        JsonNode form = as(owner).getForObject("/engine-rest/task/" + taskId + "/form-variables", JsonNode.class);
        Map<String, String> shown = Map.of("leadName", "张伟", "company", lead.get("company").asText(), "phone", phone, "email", email,
                "source", "REFERRAL", "region", "EAST", "industry", "HOSPITAL", "productLine", "DEVICES", "grade", "A");
        shown.forEach((name, value) -> assertThat(form.get(name).get("value").asText()).as(name).isEqualTo(value));
        assertThat(as(owner).getForObject("/engine-rest/task/" + taskId + "/form-variables?variableNames=leadName", JsonNode.class)
                .fieldNames()).toIterable().as("only what was asked for").containsExactly("leadName");

        // Tasklist submits the form's read-only fields with what the owner entered.
        Map<String, Object> submitted = new java.util.HashMap<>();
        shown.forEach((name, value) -> submitted.put(name, Map.of("value", value)));
        submitted.put("contactChannel", Map.of("value", "PHONE"));
        submitted.put("contactNote", Map.of("value", "约了周四拜访"));
        assertThat(as(owner).postForEntity("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", submitted), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(runtimeService.getVariables(processInstanceId)).as("the lead row holds them, not the process")
                .doesNotContainKeys("leadName", "phone", "email", "source", "region", "industry", "productLine")
                .containsEntry("contactChannel", "PHONE").containsEntry("company", lead.get("company").asText());
        assertThat(timesStored(phone, email)).isZero();
        String qualify = as(owner).getForObject("/engine-rest/task?processInstanceId=" + processInstanceId, JsonNode.class)
                .get(0).get("id").asText();
        assertThat(as(owner).getForObject("/engine-rest/task/" + qualify + "/form-variables", JsonNode.class).get("phone").get("value")
                .asText()).as("the next task's form shows the lead too").isEqualTo(phone);
    }

    @Test
    void fullValuesStoredByEarlierVersionsAreMaskedOnStart() {
        String phone = uniquePhone();
        String email = unique("wang.fang") + "@example.cn";
        JsonNode lead = eastHospitalLead(phone, email);
        String running = lead.get("processInstanceId").asText();
        // As earlier versions stored them: in a running instance, and in the history of one that has ended.
        runtimeService.setVariables(running, Map.of("phone", phone, "email", email));
        String ended = runtimeService.createProcessInstanceByKey(LeadService.PROCESS_KEY)
                .setVariables(Map.of("leadId", lead.get("id").asLong(), "phone", phone, "email", email))
                .startBeforeActivity("EndEvent_Disqualified").execute().getId();
        assertThat(timesStored(phone, email)).isPositive();

        maskStoredContactDetails.run(null);
        List<String> afterFirstStart = historicContactVariables(running, ended);
        maskStoredContactDetails.run(null);

        assertThat(timesStored(phone, email)).isZero();
        assertThat(runtimeService.getVariable(running, "phone")).isEqualTo("139****" + phone.substring(phone.length() - 4));
        assertThat(runtimeService.getVariable(running, "email")).isEqualTo("w***@example.cn");
        assertThat(historicContactVariables(running, ended)).as("a second start changes nothing").isEqualTo(afterFirstStart);
        String taskId = as("admin").getForObject("/engine-rest/task?processInstanceId=" + running, JsonNode.class).get(0).get("id").asText();
        assertThat(as(lead.get("owner").asText()).getForObject("/engine-rest/task/" + taskId + "/form-variables", JsonNode.class)
                .get("phone").get("value").asText()).as("the owner's form still shows it in full").isEqualTo(phone);
    }

    /** A grade A lead that the rules give alice or frank. */
    private JsonNode eastHospitalLead(String phone, String email) {
        return as("mia").postForObject("/api/leads", Map.of("name", "张伟", "company", unique("宁波第一医院"), "email", email,
                "phone", phone, "source", "REFERRAL", "region", "EAST", "industry", "HOSPITAL", "productLine", "DEVICES",
                "visits30d", 12, "dwellSeconds", 640), JsonNode.class);
    }

    private List<String> historicContactVariables(String... processInstanceIds) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(processInstanceIds).variableNameIn("phone", "email")
                .includeDeleted().orderByVariableId().asc().list().stream().map(HistoricVariableInstance::getId).toList();
    }

    private long timesStored(String phone, String email) {
        return jdbc.sql("select count(*) from act_hi_detail where text_ in (?, ?)").params(phone, email).query(Long.class).single()
                + jdbc.sql("select count(*) from act_hi_varinst where text_ in (?, ?)").params(phone, email).query(Long.class).single()
                + jdbc.sql("select count(*) from act_ru_variable where text_ in (?, ?)").params(phone, email).query(Long.class).single();
    }
}

package io.crmflow.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmflow.ProcessIntegrationTest;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /api/leads/{id}/contact}, {@code …/qualify}, {@code …/nurture}, {@code …/disqualify}: the lead's
 * Tasklist steps for integrations, completing the same tasks with the same variables, so the process history reads
 * the same as after Tasklist.
 */
class LeadStepsApiTest extends ProcessIntegrationTest {

    /** SOUTH, DEVICES, HOSPITAL, referral: grade A, assigned to chen; mia manages SOUTH. */
    private long chensLead() {
        String company = unique("步骤医院");
        JsonNode lead = as("mia").postForObject("/api/leads", Map.of("name", "周敏", "company", company,
                "email", company + "@example.cn", "phone", uniquePhone(), "source", "REFERRAL", "region", "SOUTH",
                "industry", "HOSPITAL", "productLine", "DEVICES", "visits30d", 10, "dwellSeconds", 600), JsonNode.class);
        assertThat(lead.get("owner").asText()).isEqualTo("chen");
        return lead.get("id").asLong();
    }

    private long contactedLead() {
        long id = chensLead();
        assertThat(step("chen", id, "contact", Map.of("contactChannel", "PHONE", "contactNote", "约了下周二拜访 Visit next Tuesday"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        return id;
    }

    private ResponseEntity<JsonNode> step(String user, long id, String step, Object body) {
        return as(user).postForEntity("/api/leads/" + id + "/" + step, body, JsonNode.class);
    }

    private ResponseEntity<JsonNode> stepRaw(long id, String step, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as("chen").postForEntity("/api/leads/" + id + "/" + step, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private String processOf(long id) {
        return jdbc.sql("select process_instance_id from leads where id = ?").param(id).query(String.class).single();
    }

    private List<String> passed(long id) {
        return processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processOf(id))
                .finished().orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    private Object historicVariable(long id, String name) {
        var variable = processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processOf(id))
                .variableName(name).singleResult();
        return variable == null ? null : variable.getValue();
    }

    private List<String> waitingAt(long id) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(processOf(id)).list().stream()
                .map(task -> task.getTaskDefinitionKey()).toList();
    }

    private JsonNode lastEvent(long id) {
        JsonNode timeline = as("admin").getForObject("/api/leads/" + id + "/timeline", JsonNode.class);
        return timeline.get(timeline.size() - 1);
    }

    @Test
    void contactCompletesTheContactTaskWithTheFormsVariables() {
        long id = chensLead();

        ResponseEntity<JsonNode> contacted = step("chen", id, "contact", Map.of("contactChannel", "WECHAT", "contactNote", "加了微信，发了资料"));

        assertThat(contacted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(contacted.getBody().get("status").asText()).isEqualTo("CONTACTED");
        assertThat(passed(id)).containsSubsequence("Task_ContactLead", "ServiceTask_RecordContact");
        assertThat(waitingAt(id)).containsExactly("Task_QualifyLead");
        assertThat(historicVariable(id, "contactChannel")).isEqualTo("WECHAT");
        assertThat(historicVariable(id, "contactNote")).isEqualTo("加了微信，发了资料");
        assertThat(historicVariable(id, "qualifyDue")).isNotNull();
        assertThat(historicVariable(id, LeadStepRequests.COMPLETED_BY)).isNull();
        assertThat(lastEvent(id).get("type").asText()).isEqualTo("CONTACTED");
        assertThat(lastEvent(id).get("detail").asText()).isEqualTo("WECHAT: 加了微信，发了资料");
        assertThat(lastEvent(id).get("actor").asText()).isEqualTo("chen");
    }

    @Test
    void qualifyByTheRegionManagerConvertsTheLeadIntoAnOpportunityOfItsOwner() {
        long id = contactedLead();

        ResponseEntity<JsonNode> qualified = step("mia", id, "qualify", Map.of("qualificationNote", "预算已批 Budget approved"));

        assertThat(qualified.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(qualified.getBody().get("status").asText()).isEqualTo("CONVERTED");
        assertThat(passed(id)).containsSubsequence("Task_QualifyLead", "ServiceTask_RecordOutcome", "EndEvent_Qualified");
        assertThat(historicVariable(id, "outcome")).isEqualTo("QUALIFIED");
        Object opportunityId = historicVariable(id, "opportunityId");
        assertThat(jdbc.sql("select owner_id from opportunity where id = ? and lead_id = ?").params(opportunityId, id)
                .query(String.class).single()).isEqualTo("chen");
        JsonNode timeline = as("chen").getForObject("/api/leads/" + id + "/timeline", JsonNode.class);
        assertThat(timeline.findValuesAsText("type")).containsSubsequence("CONTACTED", "QUALIFIED", "CONVERTED");
        assertThat(timeline.get(timeline.size() - 2).get("actor").asText()).isEqualTo("mia");
        assertThat(timeline.get(timeline.size() - 2).get("detail").asText()).isEqualTo("预算已批 Budget approved");
    }

    @Test
    void nurtureWithoutABodyStartsTheNurturingTouches() {
        long id = contactedLead();

        ResponseEntity<JsonNode> nurtured = as("chen").postForEntity("/api/leads/" + id + "/nurture", null, JsonNode.class);

        assertThat(nurtured.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(nurtured.getBody().get("status").asText()).isEqualTo("NURTURING");
        assertThat(passed(id)).containsSubsequence("Task_QualifyLead", "ServiceTask_RecordOutcome", "ServiceTask_StartNurturing");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processOf(id)).activityIdIn("Timer_NurtureDay1")
                .count()).isEqualTo(1);
        assertThat(historicVariable(id, "outcome")).isEqualTo("NURTURE");
    }

    @Test
    void disqualifyByAnAdministratorNeedsAReasonAndEndsTheProcess() {
        long id = contactedLead();
        ResponseEntity<JsonNode> noReason = step("admin", id, "disqualify", Map.of("qualificationNote", "不需要了"));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(noReason.getBody().get("errors").findValuesAsText("field")).containsExactly("disqualifyReason");
        assertThat(waitingAt(id)).containsExactly("Task_QualifyLead");

        ResponseEntity<JsonNode> disqualified = step("admin", id, "disqualify", Map.of("disqualifyReason", "NO_BUDGET", "qualificationNote", "明年再说"));

        assertThat(disqualified.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(disqualified.getBody().get("status").asText()).isEqualTo("DISQUALIFIED");
        assertThat(passed(id)).containsSubsequence("Task_QualifyLead", "ServiceTask_RecordOutcome", "EndEvent_Disqualified");
        assertThat(historicVariable(id, "disqualifyReason")).isEqualTo("NO_BUDGET");
        assertThat(lastEvent(id).get("type").asText()).isEqualTo("DISQUALIFIED");
        assertThat(lastEvent(id).get("detail").asText()).isEqualTo("reason NO_BUDGET: 明年再说");
        assertThat(lastEvent(id).get("actor").asText()).isEqualTo("admin");
    }

    @Test
    void aStepTheLeadIsNotAtIsAConflictNamingTheStepItIsAt() {
        long id = chensLead();

        ResponseEntity<JsonNode> tooEarly = step("chen", id, "qualify", Map.of());
        assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(tooEarly.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(tooEarly.getBody().get("step").asText()).isEqualTo("CONTACT");
        assertThat(tooEarly.getBody().get("detail").asText()).contains("at the CONTACT step, not at the QUALIFY step");
        assertThat(step("chen", id, "disqualify", Map.of("disqualifyReason", "NO_NEED")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(waitingAt(id)).containsExactly("Task_ContactLead");

        step("chen", id, "contact", Map.of("contactChannel", "VISIT", "contactNote", "Met the buyer"));
        ResponseEntity<JsonNode> again = step("chen", id, "contact", Map.of("contactChannel", "VISIT", "contactNote", "Met the buyer"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("step").asText()).isEqualTo("QUALIFY");
        assertThat(again.getBody().get("status").asText()).isEqualTo("CONTACTED");

        step("chen", id, "qualify", Map.of());
        ResponseEntity<JsonNode> closed = step("chen", id, "nurture", Map.of());
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(closed.getBody().has("step")).isFalse();
        assertThat(closed.getBody().get("status").asText()).isEqualTo("CONVERTED");
        assertThat(as("admin").getForObject("/api/leads/" + id + "/timeline", JsonNode.class).findValuesAsText("type"))
                .filteredOn("CONTACTED"::equals).hasSize(1);
    }

    @Test
    void someoneElsesLeadIsNotFoundAndAPoolLeadSeenByARepIsForbidden() {
        long id = chensLead();
        assertThat(step("bob", id, "contact", Map.of("contactChannel", "PHONE", "contactNote", "Not my lead")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(step("noah", id, "qualify", Map.of()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(step("bob", 999_999_999L, "nurture", Map.of()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(waitingAt(id)).containsExactly("Task_ContactLead");

        // SOUTH, PRESCRIPTION, CLINIC: nobody matches, so the lead is in the SOUTH pool, which chen (a SOUTH rep) sees.
        String company = unique("公海诊所");
        long poolLead = as("mia").postForObject("/api/leads", Map.of("name", "陈晨", "company", company, "phone", uniquePhone(),
                "source", "REFERRAL", "region", "SOUTH", "industry", "CLINIC", "productLine", "PRESCRIPTION", "visits30d", 5,
                "dwellSeconds", 300), JsonNode.class).get("id").asLong();
        ResponseEntity<JsonNode> forbidden = step("chen", poolLead, "contact", Map.of("contactChannel", "PHONE", "contactNote", "Pool lead"));
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> poolStep = step("mia", poolLead, "contact", Map.of("contactChannel", "PHONE", "contactNote", "Pool lead"));
        assertThat(poolStep.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(poolStep.getBody().get("step").asText()).isEqualTo("DISPATCH");
    }

    @Test
    void badBodiesNameTheFieldAndChangeNothing() {
        long id = chensLead();

        ResponseEntity<JsonNode> noChannel = step("chen", id, "contact", Map.of("contactNote", "Called the buyer"));
        assertThat(noChannel.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(noChannel.getBody().get("errors").findValuesAsText("field")).containsExactly("contactChannel");
        ResponseEntity<JsonNode> fax = step("chen", id, "contact", Map.of("contactChannel", "FAX", "contactNote", "Sent a fax"));
        assertThat(fax.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fax.getBody().get("errors").findValuesAsText("field")).containsExactly("contactChannel");
        ResponseEntity<JsonNode> shortNote = step("chen", id, "contact", Map.of("contactChannel", "PHONE", "contactNote", "ok"));
        assertThat(shortNote.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(shortNote.getBody().get("errors").findValuesAsText("field")).containsExactly("contactNote");
        assertThat(stepRaw(id, "contact", "{\"contactChannel\":").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(stepRaw(id, "contact", "").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(waitingAt(id)).containsExactly("Task_ContactLead");

        step("chen", id, "contact", Map.of("contactChannel", "PHONE", "contactNote", "Called the buyer"));
        ResponseEntity<JsonNode> reasonOnQualify = step("chen", id, "qualify", Map.of("disqualifyReason", "NO_NEED"));
        assertThat(reasonOnQualify.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reasonOnQualify.getBody().get("errors").findValuesAsText("field")).containsExactly("disqualifyReason");
        ResponseEntity<JsonNode> unknownReason = step("chen", id, "disqualify", Map.of("disqualifyReason", "TOO_FAR"));
        assertThat(unknownReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownReason.getBody().get("detail").asText()).contains("NO_NEED", "OTHER");
        ResponseEntity<JsonNode> longNote = step("chen", id, "nurture", Map.of("qualificationNote", "长".repeat(2001)));
        assertThat(longNote.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(longNote.getBody().get("errors").findValuesAsText("field")).containsExactly("qualificationNote");
        assertThat(waitingAt(id)).containsExactly("Task_QualifyLead");
        assertThat(as("chen").getForObject("/api/leads/" + id, JsonNode.class).get("status").asText()).isEqualTo("CONTACTED");
    }

    /** The API's choices are the forms' choices: a value added to a form and not to the API (or back) fails here. */
    @Test
    void theApisChoicesAreTheTaskFormsChoices() throws Exception {
        assertThat(formValues("contact-lead", "contactChannel")).containsExactlyElementsOf(names(ContactChannel.values()));
        assertThat(formValues("qualify-lead", "outcome")).containsExactlyElementsOf(names(LeadOutcome.values()));
        assertThat(formValues("qualify-lead", "disqualifyReason")).containsExactlyElementsOf(names(DisqualifyReason.values()));
    }

    private static List<String> formValues(String form, String key) throws Exception {
        JsonNode components = new ObjectMapper().readTree(Files.readString(Path.of("forms", form + ".form"))).get("components");
        for (JsonNode component : components) {
            if (key.equals(component.path("key").asText())) {
                return component.get("values").findValuesAsText("value");
            }
        }
        throw new AssertionError(form + " has no field " + key);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}

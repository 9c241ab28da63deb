package io.crmflow.quote;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.notify.Notifications;
import io.crmflow.notify.OutboxMessage;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The {@code quote-approval} process walked through the API and through its tasks as Tasklist completes them. */
class QuoteApprovalProcessTest extends QuoteTestSupport {

    @Autowired
    Notifications notifications;

    /** Business keys of all processes are numeric ids: the process key tells a quote's instance from others. */
    private ProcessInstance instanceOf(JsonNode quote) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(QuoteService.PROCESS_KEY)
                .processInstanceBusinessKey(quote.get("id").asText()).singleResult();
    }

    private HistoricProcessInstance historyOf(JsonNode quote) {
        return processEngine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(QuoteService.PROCESS_KEY)
                .processInstanceBusinessKey(quote.get("id").asText()).singleResult();
    }

    private java.util.List<String> imRecipients(JsonNode quote) {
        return notifications.about("quote:" + quote.get("id").asLong()).stream().map(OutboxMessage::recipient).toList();
    }

    @ParameterizedTest(name = "{0} % -> approved at once")
    @CsvSource({"0", "10"})
    void upToTenPercentIsApprovedWithoutApproversAndOpensNegotiation(String discount) {
        long opportunity = proposal();
        Assertions.assertThat(moveTo(opportunity, "NEGOTIATION", Map.of()).getStatusCode()).as("no approved quote yet")
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        JsonNode quote = quote(opportunity, discount);

        Assertions.assertThat(quote.get("status").asText()).isEqualTo("APPROVED");
        Assertions.assertThat(quote.get("approvalRoute").asText()).isEqualTo("NONE");
        Assertions.assertThat(quote.get("approvals")).isEmpty();
        HistoricProcessInstance history = historyOf(quote);
        Assertions.assertThat(history.getEndActivityId()).isEqualTo("EndEvent_Approved");
        Assertions.assertThat(history.getBusinessKey()).isEqualTo(quote.get("id").asText());
        Assertions.assertThat(imRecipients(quote)).containsExactly("chen");
        ResponseEntity<JsonNode> negotiation = moveTo(opportunity, "NEGOTIATION", Map.of());
        Assertions.assertThat(negotiation.getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(negotiation.getBody().get("stage").asText()).isEqualTo("NEGOTIATION");
        Assertions.assertThat(timelineTypes(opportunity)).containsSubsequence("QUOTE_SUBMITTED", "QUOTE_APPROVED", "STAGE_CHANGED");
    }

    @ParameterizedTest(name = "{0} % -> the region's manager only")
    @CsvSource({"10.01", "20"})
    void overTenUpToTwentyPercentNeedsTheRegionsManager(String discount) {
        long opportunity = proposal();

        JsonNode quote = quote(opportunity, discount);

        Assertions.assertThat(quote.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        Assertions.assertThat(quote.get("approvalRoute").asText()).isEqualTo("SALES_MANAGER");
        ProcessInstance instance = instanceOf(quote);
        assertThat(instance).isWaitingAt("Task_ManagerApproval").task().isAssignedTo("mia");
        Assertions.assertThat(task(instance).getName()).contains(quote.get("number").asText(), "广州中山医院",
                new java.math.BigDecimal(discount).setScale(2) + " % off");
        Assertions.assertThat(imRecipients(quote)).containsExactly("mia");
        Assertions.assertThat(moveTo(opportunity, "NEGOTIATION", Map.of()).getStatusCode()).as("pending is not approved")
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        ResponseEntity<JsonNode> approved = decide("mia", quote.get("id").asLong(), true, "同意，年底冲量");

        Assertions.assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(approved.getBody().get("status").asText()).isEqualTo("APPROVED");
        Assertions.assertThat(approved.getBody().get("approvals").findValuesAsText("approver")).containsExactly("mia");
        Assertions.assertThat(approved.getBody().get("approvals").get(0).get("comment").asText()).isEqualTo("同意，年底冲量");
        assertThat(instance).isEnded().hasPassed("ServiceTask_RecordManagerDecision", "ServiceTask_ApproveQuote")
                .hasNotPassed("Task_FinanceApproval");
        Assertions.assertThat(imRecipients(quote)).containsExactly("mia", "chen");
        Assertions.assertThat(moveTo(opportunity, "NEGOTIATION", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void overTwentyPercentNeedsTheManagerInTasklistThenFinance() {
        long opportunity = proposal();
        JsonNode quote = quote(opportunity, "20.01");
        ProcessInstance instance = instanceOf(quote);
        Assertions.assertThat(quote.get("approvalRoute").asText()).isEqualTo("SALES_MANAGER_THEN_FINANCE");
        Task managerTask = task(instance);
        Assertions.assertThat(processEngine.getFormService().getTaskFormVariables(managerTask.getId()).keySet())
                .contains("quoteLines", "listTotal", "discountPercent", "netTotal");
        Assertions.assertThat(processEngine.getTaskService().getVariable(managerTask.getId(), "quoteLines").toString())
                .contains("迈瑞 PM-7000 多参数监护仪", "2 × 38,500.00 = 77,000.00");
        Assertions.assertThat(processEngine.getTaskService().getVariable(managerTask.getId(), "netTotal")).isEqualTo("61,592.30 CNY");

        // Tasklist: mia logged in submits the form.
        processEngine.getIdentityService().setAuthenticatedUserId("mia");
        try {
            processEngine.getTaskService().complete(managerTask.getId(), Map.of("decision", "APPROVE", "decisionComment", "同意"));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }

        assertThat(instance).isWaitingAt("Task_FinanceApproval").task().hasCandidateGroup("finance").isNotAssigned();
        Assertions.assertThat(processEngine.getTaskService().getVariable(task(instance).getId(), "decision")).as("fresh form").isNull();
        Assertions.assertThat(imRecipients(quote)).containsExactly("mia", "fiona");
        Assertions.assertThat(reloadQuote(opportunity, quote.get("id").asLong()).get("status").asText()).isEqualTo("PENDING_APPROVAL");

        ResponseEntity<JsonNode> approved = decide("fiona", quote.get("id").asLong(), true, null);

        Assertions.assertThat(approved.getBody().get("status").asText()).isEqualTo("APPROVED");
        Assertions.assertThat(approved.getBody().get("approvals").findValuesAsText("approver")).containsExactly("mia", "fiona");
        Assertions.assertThat(approved.getBody().get("approvals").findValuesAsText("step")).containsExactly("SALES_MANAGER", "FINANCE");
        assertThat(instance).isEnded().hasPassed("Task_ManagerApproval", "Task_FinanceApproval", "ServiceTask_ApproveQuote");
        Assertions.assertThat(timelineTypes(opportunity)).containsSubsequence("QUOTE_SUBMITTED", "QUOTE_APPROVAL_REQUESTED",
                "QUOTE_STEP_APPROVED", "QUOTE_STEP_APPROVED", "QUOTE_APPROVED");
    }

    @Test
    void aRejectionNeedsACommentEndsTheQuoteAndTheOwnerSubmitsANewOne() {
        long opportunity = proposal();
        JsonNode quote = quote(opportunity, "30");
        long id = quote.get("id").asLong();
        decide("mia", id, true, null);

        ResponseEntity<JsonNode> noReason = decide("fiona", id, false, " ");
        Assertions.assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        Assertions.assertThat(noReason.getBody().get("errors").findValuesAsText("field")).containsExactly("comment");
        assertThat(instanceOf(quote)).isWaitingAt("Task_FinanceApproval");
        ResponseEntity<JsonNode> whilePending = submit("chen", opportunity, java.util.List.of(line(product("耗材", unique("耗材"), "10.00", 5), 1)), "0");
        Assertions.assertThat(whilePending.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> rejected = decide("fiona", id, false, "折扣过高，最多 20%");

        Assertions.assertThat(rejected.getBody().get("status").asText()).isEqualTo("REJECTED");
        Assertions.assertThat(historyOf(quote).getEndActivityId()).isEqualTo("EndEvent_Rejected");
        Assertions.assertThat(notifications.about("quote:" + id)).filteredOn(message -> message.recipient().equals("chen"))
                .singleElement().satisfies(message -> Assertions.assertThat(message.body()).contains("折扣过高"));
        Assertions.assertThat(decide("mia", id, true, null).getStatusCode()).as("already decided").isEqualTo(HttpStatus.CONFLICT);
        Assertions.assertThat(moveTo(opportunity, "NEGOTIATION", Map.of()).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        Assertions.assertThat(timelineTypes(opportunity)).containsSubsequence("QUOTE_STEP_APPROVED", "QUOTE_STEP_REJECTED", "QUOTE_REJECTED");

        JsonNode revised = quote(opportunity, "18");

        Assertions.assertThat(revised.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        Assertions.assertThat(decide("mia", revised.get("id").asLong(), true, null).getBody().get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void theManagerCanRejectToo() {
        long opportunity = proposal();
        JsonNode quote = quote(opportunity, "25");

        ResponseEntity<JsonNode> rejected = decide("mia", quote.get("id").asLong(), false, "先与客户确认数量");

        Assertions.assertThat(rejected.getBody().get("status").asText()).isEqualTo("REJECTED");
        assertThat(instanceOf(quote)).isNull();
        Assertions.assertThat(historyOf(quote).getEndActivityId()).isEqualTo("EndEvent_Rejected");
        Assertions.assertThat(imRecipients(quote)).as("finance never asked").doesNotContain("fiona");
    }
}

package io.crmflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.quote.QuoteTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** chen's opportunities (SOUTH, managed by mia) in NEGOTIATION with an approved quote of a chosen net total. */
public abstract class ContractTestSupport extends QuoteTestSupport {

    /** An opportunity in NEGOTIATION; {@link #approvedQuoteOf} names its approved quote of one product at {@code listPrice}. */
    protected long negotiation(String listPrice) {
        long opportunity = proposal();
        long product = product("迈瑞 Resona 超声系统", unique("超声"), listPrice, 5);
        ResponseEntity<JsonNode> quote = submit("chen", opportunity, List.of(line(product, 1)), "0");
        assertThat(quote.getBody().get("status").asText()).isEqualTo("APPROVED");
        assertThat(moveTo(opportunity, "NEGOTIATION", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        return opportunity;
    }

    protected long approvedQuoteOf(long opportunityId) {
        return as("chen").getForObject("/api/opportunities/" + opportunityId + "/quotes", JsonNode.class).get(0).get("id").asLong();
    }

    protected ResponseEntity<JsonNode> draft(String user, long opportunityId, Map<String, Object> body) {
        return as(user).postForEntity("/api/opportunities/" + opportunityId + "/contracts", body, JsonNode.class);
    }

    /** A contract of chen's for an approved quote of one product at {@code amount} CNY, drafted through the API. */
    protected JsonNode contract(String amount) {
        return contract(amount, List.of());
    }

    /** The same with a payment plan: {@code {dueDate, amount}} per installment; none = the rules' default term. */
    protected JsonNode contract(String amount, List<Map<String, Object>> installments) {
        long opportunity = negotiation(amount);
        Map<String, Object> body = new HashMap<>(Map.of("quoteId", approvedQuoteOf(opportunity), "terms", "货到付款 30 天"));
        if (!installments.isEmpty()) {
            body.put("installments", installments);
        }
        ResponseEntity<JsonNode> drafted = draft("chen", opportunity, body);
        assertThat(drafted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return drafted.getBody();
    }

    protected ResponseEntity<JsonNode> decide(String user, JsonNode contract, boolean approve, String comment) {
        Map<String, Object> body = new HashMap<>(Map.of("approve", approve));
        if (comment != null) {
            body.put("comment", comment);
        }
        return as(user).postForEntity("/api/contracts/" + contract.get("id").asLong() + "/decision", body, JsonNode.class);
    }

    protected JsonNode reload(JsonNode contract) {
        return as("chen").getForObject("/api/contracts/" + contract.get("id").asLong(), JsonNode.class);
    }

    protected ProcessInstance instanceOf(JsonNode contract) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ContractService.PROCESS_KEY)
                .processInstanceBusinessKey(contract.get("id").asText()).singleResult();
    }

    protected List<Task> approvalTasks(JsonNode contract) {
        return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(contract.get("id").asText())
                .processDefinitionKey(ContractService.PROCESS_KEY).taskDefinitionKey(ContractService.APPROVAL_TASK).list();
    }

    protected JsonNode opportunityOf(JsonNode contract) {
        return as("chen").getForObject("/api/opportunities/" + contract.get("opportunityId").asLong(), JsonNode.class);
    }
}

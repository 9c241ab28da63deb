package io.crmflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The Tasklist filter "审批 Approvals" lists contract approvals to the people who decide them. */
class ContractApprovalFilterTest extends ContractTestSupport {

    private JsonNode approvals(String user, JsonNode contract) {
        for (JsonNode filter : as(user).getForObject("/engine-rest/filter", JsonNode.class)) {
            if (filter.get("name").asText().contains("Approvals")) {
                return as(user).postForObject("/engine-rest/filter/" + filter.get("id").asText() + "/list",
                        Map.of("processInstanceId", instanceOf(contract).getId()), JsonNode.class);
            }
        }
        throw new AssertionError(user + " has no Approvals filter");
    }

    @Test
    void legalAndTheManagerSeeTheContractUnderApprovalsTheOwnerDoesNot() {
        JsonNode contract = contract("90000.00");

        assertThat(approvals("leo", contract).findValuesAsText("taskDefinitionKey")).containsExactly("Task_ApproveContract");
        assertThat(approvals("mia", contract).findValuesAsText("taskDefinitionKey")).containsExactly("Task_ApproveContract");
        assertThat(approvals("chen", contract)).isEmpty();
        assertThat(approvals("fiona", contract)).isEmpty();
    }
}

package io.crmflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Approval delegation (docs/product.md §14) on the real quote and contract processes: mia (manager of SOUTH, where chen's
 * opportunities are) delegates her approvals; open and new approval tasks go to the deputy, whose decision reads "approved
 * by X for Y" on the timeline, in the audit log and on the contract PDF; a deputy never approves their own record. The last
 * week of October 2026 is used only here and every delegation is withdrawn afterwards.
 */
class ApprovalDelegationTest extends ContractTestSupport {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final List<String> delegations = new ArrayList<>();

    private ResponseEntity<JsonNode> delegate(String approver, String from, String to, String deputy) {
        ResponseEntity<JsonNode> response = as(approver).postForEntity("/api/team/" + approver + "/approval-delegations",
                Map.of("from", from, "to", to, "deputy", deputy), JsonNode.class);
        if (response.getStatusCode() == HttpStatus.CREATED) {
            delegations.add("/api/team/" + approver + "/approval-delegations/" + response.getBody().get("id").asLong());
        }
        return response;
    }

    @AfterEach
    void withdrawDelegations() {
        delegations.forEach(path -> as("admin").delete(path));
    }

    private static void clockAt(String shanghaiLocalTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(shanghaiLocalTime).atZone(SHANGHAI).toInstant()));
    }

    private Task managerTask(JsonNode contract) {
        return approvalTasks(contract).stream().filter(task -> task.getAssignee() != null).findFirst().orElseThrow();
    }

    @Test
    void aDelegatedContractApprovalIsDecidedByTheDeputyAndRecordedAsSuch() throws IOException {
        clockAt("2026-10-26T10:00");
        JsonNode openBefore = contract("90000.00");
        assertThat(managerTask(openBefore).getAssignee()).isEqualTo("mia");

        assertThat(delegate("mia", "2026-10-26", "2026-10-30", "noah").getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(managerTask(openBefore).getAssignee()).as("the open approval goes to the deputy").isEqualTo("noah");
        JsonNode newInRange = contract("91000.00");
        assertThat(managerTask(newInRange).getAssignee()).as("a new approval goes to the deputy").isEqualTo("noah");
        assertThat(decide("mia", newInRange, true, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(decide("noah", openBefore, true, "代 mia 审批 For mia").getStatusCode()).isEqualTo(HttpStatus.OK);
        decide("leo", openBefore, true, null);

        JsonNode approved = reload(openBefore);
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("approvals")).anySatisfy(approval -> {
            assertThat(approval.get("approver").asText()).isEqualTo("noah");
            assertThat(approval.get("onBehalfOf").asText()).isEqualTo("mia");
        });
        JsonNode timeline = as("chen").getForObject("/api/opportunities/" + approved.get("opportunityId").asLong() + "/timeline", JsonNode.class);
        assertThat(timeline.toString()).contains("approved by noah for mia");
        JsonNode audit = as("admin").getForObject("/api/audit?entity=contract&entityId=" + approved.get("id").asLong(), JsonNode.class);
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.get("actor").asText()).isEqualTo("noah");
            assertThat(entry.get("newValue").asText()).isEqualTo("approved by noah for mia");
        });
        byte[] pdf = as("chen").getForObject("/api/contracts/" + approved.get("id").asLong() + ".pdf", byte[].class);
        assertThat(new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1)).contains("Approved by noah for mia");
    }

    @Test
    void aDelegatedQuoteApprovalNamesBoth() {
        clockAt("2026-10-27T10:00");
        long opportunity = proposal();
        assertThat(delegate("mia", "2026-10-27", "2026-10-27", "noah").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long quote = quote(opportunity, "15").get("id").asLong();

        assertThat(decide("noah", quote, true, null).getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode decided = reloadQuote(opportunity, quote);
        assertThat(decided.get("status").asText()).isEqualTo("APPROVED");
        assertThat(decided.get("approvals").get(0).get("onBehalfOf").asText()).isEqualTo("mia");
        assertThat(as("chen").getForObject("/api/opportunities/" + opportunity + "/timeline", JsonNode.class).toString())
                .contains("approved by noah for mia");
    }

    @Test
    void aDeputyNeverApprovesTheirOwnContract() {
        clockAt("2026-10-28T10:00");
        assertThat(delegate("mia", "2026-10-28", "2026-10-28", "chen").getStatusCode()).isEqualTo(HttpStatus.CREATED);

        JsonNode own = contract("92000.00");

        assertThat(managerTask(own).getAssignee()).as("chen drafted it: it stays with mia").isEqualTo("mia");
        assertThat(decide("chen", own, true, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(reload(own).get("status").asText()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void onlyApproversDelegateAndNeverToSomeoneAwayOrTwiceAtOnce() {
        clockAt("2026-10-29T10:00");
        assertThat(as("chen").postForEntity("/api/team/chen/approval-delegations",
                Map.of("from", "2026-10-29", "to", "2026-10-29", "deputy", "alice"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(as("noah").postForEntity("/api/team/mia/approval-delegations",
                Map.of("from", "2026-10-29", "to", "2026-10-29", "deputy", "noah"), JsonNode.class).getStatusCode())
                .as("only mia (or an administrator) delegates mia's approvals").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(delegate("fiona", "2026-10-29", "2026-10-30", "grace").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> overlapping = delegate("fiona", "2026-10-30", "2026-10-31", "leo");
        assertThat(overlapping.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(overlapping.getBody().toString()).contains("from", "Overlaps");
    }
}

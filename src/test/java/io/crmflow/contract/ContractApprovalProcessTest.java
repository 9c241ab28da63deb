package io.crmflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.crmflow.notify.Channel;
import io.crmflow.notify.Notifications;
import io.crmflow.notify.OutboxDispatcher;
import io.crmflow.notify.OutboxMessage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The {@code contract-approval} process walked through the API and Tasklist-style task completion, timers included. */
class ContractApprovalProcessTest extends ContractTestSupport {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Notifications notifications;

    @Autowired
    OutboxDispatcher dispatcher;

    @Test
    void exactly500000GoesToLegalAndTheRegionsManagerAndBothApprovalsWinTheOpportunity() {
        JsonNode contract = contract("500000.00");

        assertThat(contract.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(contract.get("amount").decimalValue()).isEqualByComparingTo("500000.00");
        assertThat(contract.get("approvalRoute").asText()).isEqualTo("LEGAL_AND_SALES_MANAGER");
        assertThat(approvalTasks(contract)).extracting(Task::getAssignee).containsExactlyInAnyOrder("mia", null);
        assertThat(notifications.about("contract:" + contract.get("id").asLong())).extracting(OutboxMessage::recipient)
                .contains("mia", "leo");

        assertThat(decide("mia", contract, true, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reload(contract).get("status").asText()).as("legal has yet to decide").isEqualTo("PENDING_APPROVAL");
        assertThat(decide("fiona", contract, true, null).getStatusCode()).as("finance is not asked").isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode approved = decide("leo", contract, true, "条款合规").getBody();

        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("approvals").findValuesAsText("approver")).containsExactly("mia", "leo");
        assertThat(instanceOf(contract)).isNull();
        assertThat(opportunityOf(contract).get("stage").asText()).isEqualTo("WON");
        assertThat(timelineTypes(contract.get("opportunityId").asLong())).containsSubsequence("CONTRACT_SUBMITTED", "CONTRACT_APPROVED",
                "STAGE_CHANGED");
    }

    @Test
    void over500000NeedsLegalFinanceAndTheGmAllOfThem() {
        JsonNode contract = contract("500000.01");

        assertThat(contract.get("approvalRoute").asText()).isEqualTo("LEGAL_FINANCE_AND_GM");
        assertThat(approvalTasks(contract)).hasSize(3).extracting(Task::getAssignee).containsOnlyNulls();
        assertThat(decide("mia", contract, true, null).getStatusCode()).as("the manager is not asked").isEqualTo(HttpStatus.FORBIDDEN);

        decide("grace", contract, true, null);
        decide("fiona", contract, true, null);
        assertThat(reload(contract).get("status").asText()).isEqualTo("PENDING_APPROVAL");
        decide("leo", contract, true, null);

        assertThat(reload(contract).get("status").asText()).isEqualTo("APPROVED");
        assertThat(reload(contract).get("approvals").findValuesAsText("step")).containsExactly("GM", "FINANCE", "LEGAL");
        assertThat(opportunityOf(contract).get("stage").asText()).isEqualTo("WON");
    }

    @Test
    void aRejectionSendsItBackToTheOwnerAndTheRevisionStartsTheApprovalOver() {
        JsonNode contract = contract("120000.00");

        assertThat(decide("leo", contract, false, null).getStatusCode()).as("a rejection needs a reason")
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        decide("leo", contract, false, "违约金条款缺失 Penalty clause missing");

        assertThat(reload(contract).get("status").asText()).isEqualTo("REVISION_NEEDED");
        assertThat(approvalTasks(contract)).as("the round ended with the rejection").isEmpty();
        Task revise = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(contract.get("id").asText())
                .taskDefinitionKey(ContractService.REVISION_TASK).singleResult();
        assertThat(revise.getAssignee()).isEqualTo("chen");
        assertThat(processEngine.getTaskService().getVariable(revise.getId(), "rejectionComments").toString())
                .contains("leo", "Penalty clause missing");
        assertThat(opportunityOf(contract).get("stage").asText()).isEqualTo("NEGOTIATION");

        ResponseEntity<JsonNode> revised = as("chen").postForEntity("/api/contracts/" + contract.get("id").asLong() + "/revision",
                Map.of("terms", "货到付款 30 天；违约金 5 %"), JsonNode.class);

        assertThat(revised.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revised.getBody().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(revised.getBody().get("round").asInt()).isEqualTo(2);
        assertThat(revised.getBody().get("terms").asText()).contains("违约金 5 %");
        assertThat(approvalTasks(contract)).hasSize(2);
        decide("leo", contract, true, null);
        decide("mia", contract, true, null);
        assertThat(reload(contract).get("status").asText()).isEqualTo("APPROVED");
        assertThat(opportunityOf(contract).get("stage").asText()).isEqualTo("WON");
    }

    @Test
    void anApprovalOpenFor24HoursIsRemindedByEmailAndImEvery24HoursAndListedAsOverdue() throws MessagingException {
        JsonNode contract = contract("80000.00");
        decide("mia", contract, true, null);
        String reference = "contract:" + contract.get("id").asLong();
        assertThat(overdue("mia")).doesNotContain(contract.get("id").asText());

        for (int day = 1; day <= 2; day++) {
            ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(24)).plusSeconds(60)));
            Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(instanceOf(contract).getId()).timers()
                    .singleResult();
            processEngine.getManagementService().executeJob(timer.getId());
        }
        // A day on, the whole suite's undelivered messages are due as well: batch by batch until the reminders went out.
        for (int batch = 0; batch < 50 && remindersReceived(contract).size() < 2; batch++) {
            dispatcher.dispatchDue();
        }

        List<OutboxMessage> reminders = notifications.about(reference).stream().filter(m -> m.subject().contains("Reminder")).toList();
        assertThat(reminders).filteredOn(m -> m.channel() == Channel.EMAIL).extracting(OutboxMessage::recipient)
                .containsExactly("leo@crmflow.example", "leo@crmflow.example");
        assertThat(reminders).filteredOn(m -> m.channel() == Channel.IM).extracting(OutboxMessage::recipient).containsExactly("leo", "leo");
        assertThat(reminders).extracting(OutboxMessage::subject).anyMatch(s -> s.contains("24 h")).anyMatch(s -> s.contains("48 h"));
        List<MimeMessage> mails = remindersReceived(contract);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(0).getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("leo@crmflow.example");
        assertThat(overdue("mia")).contains(contract.get("id").asText());
        assertThat(overdue("grace")).as("the GM sees every region").contains(contract.get("id").asText());
        assertThat(overdue("noah")).as("a manager of other regions does not").doesNotContain(contract.get("id").asText());
        JsonNode board = as("mia").getForObject("/api/analytics/approvals", JsonNode.class);
        JsonNode south = java.util.stream.StreamSupport.stream(board.spliterator(), false)
                .filter(row -> row.get("process").asText().equals(ContractService.PROCESS_KEY) && row.get("region").asText().equals("SOUTH"))
                .findFirst().orElseThrow();
        assertThat(south.get("overdue").asLong()).isPositive();
        assertThat(south.get("oldestWaitingHours").asLong()).isGreaterThanOrEqualTo(48);
        assertThat(board.findValuesAsText("region")).as("mia's regions only").isSubsetOf("EAST", "SOUTH");
        assertThat(as("chen").getForEntity("/api/approvals?overdue=true", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private List<String> overdue(String user) {
        return as(user).getForObject("/api/approvals?overdue=true", JsonNode.class).findValuesAsText("recordId");
    }

    private static List<MimeMessage> remindersReceived(JsonNode contract) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> subject(mail).contains(contract.get("number").asText() + " ")).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.crmflow.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.crmflow.contract.ContractTestSupport;
import io.crmflow.notify.Channel;
import io.crmflow.notify.Notifications;
import io.crmflow.notify.OutboxDispatcher;
import io.crmflow.notify.OutboxMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The {@code payment-collection} process walked through the API and Tasklist-style task completion: the default plan,
 * the reminder and the dunning ladder with its timers fired on a moved engine clock, partial payments, over-payment and
 * the last payment that makes the contract PAID.
 */
class PaymentCollectionProcessTest extends ContractTestSupport {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Notifications notifications;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    OverdueInstallments overdueInstallments;

    @Test
    void aContractDraftedWithoutAPlanIsCollectedInOneInstallmentOnTheDefaultTerm() {
        JsonNode contract = approved(contract("80000.00"));

        JsonNode plan = plan(contract);
        assertThat(plan.get("contractStatus").asText()).isEqualTo("APPROVED");
        assertThat(plan.get("outstanding").decimalValue()).isEqualByComparingTo("80000.00");
        assertThat(plan.get("installments")).hasSize(1);
        JsonNode only = plan.get("installments").get(0);
        assertThat(only.get("dueDate").asText()).as("rules/payment-collection.dmn DEFAULT_TERM: 30 days after approval")
                .isEqualTo(today().plusDays(30).toString());
        assertThat(only.get("amount").decimalValue()).isEqualByComparingTo("80000.00");
        assertThat(only.get("status").asText()).isEqualTo("OPEN");
        assertThat(collection(contract)).isActive().isWaitingAt("Event_InstallmentPaid", "Timer_ReminderDue");
        assertThat(timelineTypes(contract.get("opportunityId").asLong())).containsSubsequence("CONTRACT_APPROVED", "COLLECTION_STARTED");
    }

    @Test
    void aReminderThreeDaysBeforeThenTheOwnerFinanceAndTheGmAsTheInstallmentStaysUnpaid() throws MessagingException {
        LocalDate firstDue = today().plusDays(10);
        JsonNode contract = approved(contract("90000.00", List.of(installment(firstDue, "40000.00"), installment(firstDue.plusDays(60), "50000.00"))));
        ProcessInstance collection = collection(contract);
        assertThat(processEngine.getRuntimeService().getActivityInstance(collection.getId()).getActivityInstances("SubProcess_CollectInstallment"))
                .as("one branch per installment").hasSize(2);

        moveClockTo(firstDue.minusDays(3));
        fireDueTimers(collection);
        List<OutboxMessage> reminders = notifications.about("contract:" + contract.get("id").asLong()).stream()
                .filter(m -> m.subject().contains("Payment due " + firstDue)).toList();
        assertThat(reminders).extracting(OutboxMessage::channel, OutboxMessage::recipient)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, "chen@crmflow.example"),
                        org.assertj.core.groups.Tuple.tuple(Channel.IM, "chen"));
        for (int batch = 0; batch < 50 && mailsAbout(firstDue).isEmpty(); batch++) {
            dispatcher.dispatchDue();
        }
        assertThat(mailsAbout(firstDue)).hasSize(1);
        assertThat(dunningTasks(contract)).isEmpty();

        moveClockTo(firstDue.plusDays(1));
        fireDueTimers(collection);
        Task ownerTask = single(dunningTasks(contract));
        assertThat(ownerTask.getTaskDefinitionKey()).isEqualTo("Task_ChaseOverduePayment");
        assertThat(ownerTask.getAssignee()).isEqualTo("chen");
        assertThat(ownerTask.getName()).contains(contract.get("number").asText(), "#1", "40,000.00 CNY", "1 天逾期 days overdue");
        assertThat(ownerTask.getDueDate().toInstant()).as("due when finance takes over").isEqualTo(opening(firstDue.plusDays(7)));
        assertThat(processEngine.getTaskService().getVariables(ownerTask.getId())).containsEntry("outstanding", "40,000.00")
                .containsEntry("dueDate", firstDue.toString()).containsEntry("customer", opportunityOf(contract).get("company").asText());

        complete(ownerTask, "chen", Map.of("collectionNote", "客户财务说下周付款 Paying next week", "promisedDate", firstDue.plusDays(8).toString()));
        assertThat(timelineTypes(contract.get("opportunityId").asLong())).contains("PAYMENT_OVERDUE", "PAYMENT_CHASED");

        moveClockTo(firstDue.plusDays(7));
        fireDueTimers(collection);
        Task financeTask = single(dunningTasks(contract));
        assertThat(financeTask.getTaskDefinitionKey()).isEqualTo("Task_FinanceCollection");
        assertThat(candidateGroups(financeTask)).containsExactly("finance");
        assertThat(processEngine.getTaskService().createTaskQuery().taskCandidateUser("fiona").taskId(financeTask.getId()).count()).isOne();

        ResponseEntity<JsonNode> partial = pay("fiona", contract, Map.of("amount", "15000.00", "reference", "BANK-" + contract.get("id")));
        assertThat(partial.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(processEngine.getTaskService().getVariable(financeTask.getId(), "outstanding"))
                .as("a partial payment leaves the dunning running, with what is still owed").isEqualTo("25,000.00");

        moveClockTo(firstDue.plusDays(30));
        fireDueTimers(collection);
        assertThat(dunningTasks(contract)).extracting(Task::getTaskDefinitionKey)
                .containsExactlyInAnyOrder("Task_FinanceCollection", "Task_GmEscalation");
        assertThat(candidateGroups(dunningTasks(contract).stream().filter(t -> t.getTaskDefinitionKey().equals("Task_GmEscalation"))
                .findFirst().orElseThrow())).containsExactly("gm");

        ResponseEntity<JsonNode> settling = pay("fiona", contract, Map.of("amount", "25000.00"));
        assertThat(settling.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(dunningTasks(contract)).as("the payment that settles #1 ends its dunning").isEmpty();
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(collection.getId()).timers().list())
                .as("#2's reminder is still to come").hasSize(1);
        assertThat(plan(contract).get("installments").get(0).get("status").asText()).isEqualTo("PAID");
        assertThat(plan(contract).get("contractStatus").asText()).isEqualTo("APPROVED");
        assertThat(collection).isActive();
    }

    @Test
    void anInstallmentIsOverdueFromTheFirstStepOfItsDunningLadderUntilPaidInFull() {
        LocalDate firstDue = today().plusDays(5);
        JsonNode contract = approved(contract("70000.00", List.of(installment(firstDue, "30000.00"), installment(firstDue.plusDays(30), "40000.00"))));
        ProcessInstance collection = collection(contract);

        moveClockTo(firstDue);
        fireDueTimers(collection);
        assertThat(statuses(contract)).as("due today: rules/payment-collection.dmn starts the ladder 1 day overdue").containsExactly("OPEN", "OPEN");

        moveClockTo(firstDue.plusDays(1));
        fireDueTimers(collection);
        assertThat(single(dunningTasks(contract)).getTaskDefinitionKey()).isEqualTo("Task_ChaseOverduePayment");
        assertThat(statuses(contract)).containsExactly("OVERDUE", "OPEN");
        JsonNode overdue = plan(contract, "?status=OVERDUE");
        assertThat(overdue.get("installments").findValuesAsText("number")).containsExactly("1");
        assertThat(overdue.get("installments").get(0).get("daysOverdue").asInt()).isEqualTo(1);
        assertThat(overdue.get("outstanding").decimalValue()).as("the totals stay the contract's").isEqualByComparingTo("70000.00");
        assertThat(plan(contract, "?status=OPEN").get("installments").findValuesAsText("number")).containsExactly("2");
        long firstInstallment = overdue.get("installments").get(0).get("id").asLong();
        assertThat(jdbc.sql("select actor || ' ' || old_value || ' ' || new_value from audit_log where entity = 'installment' and entity_id = ? "
                + "and field = 'status'").param(String.valueOf(firstInstallment)).query(String.class).list()).containsExactly("process OPEN OVERDUE");

        assertThat(pay("fiona", contract, Map.of("amount", "10000.00")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(statuses(contract)).as("a part payment leaves it overdue").containsExactly("OVERDUE", "OPEN");

        assertThat(pay("fiona", contract, Map.of("amount", "20000.00")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(statuses(contract)).containsExactly("PAID", "OPEN");
        assertThat(plan(contract, "?status=OVERDUE").get("installments")).isEmpty();
        assertThat(jdbc.sql("select new_value from audit_log where entity = 'installment' and entity_id = ? and field = 'status' order by id")
                .param(String.valueOf(firstInstallment)).query(String.class).list()).containsExactly("OVERDUE", "PAID");
        ResponseEntity<JsonNode> unknownStatus = as("chen").getForEntity("/api/contracts/" + contract.get("id").asLong()
                + "/installments?status=LATE", JsonNode.class);
        assertThat(unknownStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aDatabaseFromBeforeTheStoredStatusIsMarkedOverdueWhereTheLadderHadStartedAndNowhereElse() {
        LocalDate firstDue = today().plusDays(3);
        JsonNode contract = approved(contract("50000.00", List.of(installment(firstDue, "20000.00"), installment(firstDue.plusDays(1), "30000.00"))));
        ProcessInstance collection = collection(contract);
        moveClockTo(firstDue.plusDays(1));
        fireDueTimers(collection);
        assertThat(statuses(contract)).containsExactly("OVERDUE", "OPEN");
        // As V14 leaves a database written before it: the status the amounts give, nothing OVERDUE.
        jdbc.sql("update installment set status = 'OPEN' where contract_id = ?").param(contract.get("id").asLong()).update();

        overdueInstallments.run(null);

        assertThat(statuses(contract)).as("#1's ladder has started; #2 is due today, its ladder starts tomorrow").containsExactly("OVERDUE", "OPEN");
        overdueInstallments.run(null);
        assertThat(statuses(contract)).containsExactly("OVERDUE", "OPEN");
    }

    @Test
    void paymentsGoToTheOldestOpenInstallmentsAnOverpaymentIsRefusedAndTheLastOneMakesTheContractPaid() {
        LocalDate due = today().plusDays(20);
        JsonNode contract = approved(contract("100000.00", List.of(installment(due, "30000.00"), installment(due.plusDays(30), "30000.00"),
                installment(due.plusDays(60), "40000.00"))));

        JsonNode first = pay("fiona", contract, Map.of("amount", "45000.00", "receivedOn", today().toString())).getBody();
        assertThat(first.get("payment").get("allocations").findValuesAsText("installmentNumber")).containsExactly("1", "2");
        assertThat(first.get("payment").get("allocations").findValues("amount")).extracting(JsonNode::decimalValue)
                .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(new java.math.BigDecimal("30000"), new java.math.BigDecimal("15000"));
        assertThat(first.get("plan").get("installments").findValuesAsText("status")).containsExactly("PAID", "PARTIALLY_PAID", "OPEN");
        assertThat(first.get("plan").get("outstanding").decimalValue()).isEqualByComparingTo("55000.00");
        assertThat(processEngine.getRuntimeService().getActivityInstance(collection(contract).getId())
                .getActivityInstances("SubProcess_CollectInstallment")).as("#1 paid, #2 and #3 still collected").hasSize(2);

        long payments = count("payment");
        long allocations = count("payment_allocation");
        ResponseEntity<JsonNode> over = pay("fiona", contract, Map.of("amount", "55000.01"));
        assertThat(over.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(over.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(over.getBody().get("errors").get(0).get("field").asText()).isEqualTo("amount");
        assertThat(over.getBody().get("outstanding").decimalValue()).isEqualByComparingTo("55000.00");
        assertThat(count("payment")).isEqualTo(payments);
        assertThat(count("payment_allocation")).isEqualTo(allocations);
        assertThat(plan(contract).get("paid").decimalValue()).isEqualByComparingTo("45000.00");

        JsonNode last = pay("admin", contract, Map.of("amount", "55000.00")).getBody();
        assertThat(last.get("plan").get("contractStatus").asText()).isEqualTo("PAID");
        assertThat(last.get("plan").get("installments").findValuesAsText("status")).containsOnly("PAID");
        HistoricProcessInstance ended = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(PaymentService.PROCESS_KEY).processInstanceBusinessKey(contract.get("id").asText()).singleResult();
        assertThat(ended.getEndTime()).isNotNull();
        assertThat(ended.getEndActivityId()).isEqualTo("EndEvent_ContractPaid");
        assertThat(reload(contract).get("status").asText()).isEqualTo("PAID");
        JsonNode audited = as("admin").getForObject("/api/audit?entity=contract&entityId=" + contract.get("id").asText(), JsonNode.class);
        assertThat(audited).filteredOn(entry -> entry.get("field").asText().equals("status")).extracting(entry -> entry.get("newValue").asText())
                .as("newest first").containsExactly("PAID", "APPROVED", "PENDING_APPROVAL");
        assertThat(as("admin").getForObject("/api/audit?entity=quote&entityId=" + contract.get("quoteId").asText(), JsonNode.class)
                .findValuesAsText("newValue")).contains("APPROVED");
        assertThat(timelineTypes(contract.get("opportunityId").asLong())).containsSubsequence("PAYMENT_RECEIVED", "PAYMENT_RECEIVED", "CONTRACT_PAID");
        assertThat(as("chen").getForObject("/api/contracts/" + contract.get("id").asLong() + "/payments", JsonNode.class))
                .as("the owner sees the payments").hasSize(2);

        ResponseEntity<JsonNode> afterPaid = pay("fiona", contract, Map.of("amount", "0.01"));
        assertThat(afterPaid.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(jdbc.sql("select count(*) from audit_log where entity = 'payment' and entity_id in (select cast(id as varchar(20)) from payment "
                + "where contract_id = ?)").param(contract.get("id").asLong()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void badPlansAndPaymentsAreRefusedAndChangeNothing() {
        long opportunity = negotiation("60000.00");
        long contracts = count("contract");
        long installments = count("installment");
        Map<String, ResponseEntity<JsonNode>> refusals = new HashMap<>();
        refusals.put("installments", draft("chen", opportunity, Map.of("quoteId", approvedQuoteOf(opportunity),
                "installments", List.of(installment(today().plusDays(5), "10000.00"), installment(today().plusDays(9), "10000.00")))));
        refusals.put("installments[1].dueDate", draft("chen", opportunity, Map.of("quoteId", approvedQuoteOf(opportunity),
                "installments", List.of(installment(today().plusDays(9), "30000.00"), installment(today().plusDays(5), "30000.00")))));
        refusals.put("installments[0].dueDate", draft("chen", opportunity, Map.of("quoteId", approvedQuoteOf(opportunity),
                "installments", List.of(installment(today().minusDays(1), "60000.00")))));
        refusals.forEach((field, refused) -> {
            assertThat(refused.getStatusCode()).as(field).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo(field);
        });
        ResponseEntity<JsonNode> negative = draft("chen", opportunity, Map.of("quoteId", approvedQuoteOf(opportunity),
                "installments", List.of(installment(today().plusDays(5), "-60000.00"))));
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(negative.getBody().get("errors").get(0).get("field").asText()).isEqualTo("installments[0].amount");
        assertThat(count("contract")).isEqualTo(contracts);
        assertThat(count("installment")).isEqualTo(installments);

        JsonNode pending = contract("70000.00");
        assertThat(pay("fiona", pending, Map.of("amount", "100.00")).getStatusCode()).as("not approved yet").isEqualTo(HttpStatus.CONFLICT);
        JsonNode contract = approved(pending);
        long payments = count("payment");
        assertThat(pay("chen", contract, Map.of("amount", "100.00")).getStatusCode()).as("finance records payments")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pay("bob", contract, Map.of("amount", "100.00")).getStatusCode()).as("not his region's contract")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(pay("fiona", contract, Map.of("amount", "-5")).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(pay("fiona", contract, Map.of("amount", "1.001")).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(pay("fiona", contract, Map.of("amount", "lots")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(pay("fiona", contract, Map.of("amount", "10.00", "receivedOn", today().plusDays(1).toString())).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(count("payment")).isEqualTo(payments);

        assertThat(pay("fiona", contract, Map.of("amount", "10.00", "reference", "TT-1")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> twice = pay("fiona", contract, Map.of("amount", "10.00", "reference", "TT-1"));
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(twice.getBody().get("detail").asText()).contains("TT-1");
        assertThat(count("payment")).isEqualTo(payments + 1);
    }

    private JsonNode approved(JsonNode contract) {
        decide("mia", contract, true, null);
        decide("leo", contract, true, null);
        assertThat(reload(contract).get("status").asText()).isEqualTo("APPROVED");
        return contract;
    }

    private static Map<String, Object> installment(LocalDate dueDate, String amount) {
        return Map.of("dueDate", dueDate.toString(), "amount", amount);
    }

    private ResponseEntity<JsonNode> pay(String user, JsonNode contract, Map<String, Object> payment) {
        return as(user).postForEntity("/api/contracts/" + contract.get("id").asLong() + "/payments", payment, JsonNode.class);
    }

    private JsonNode plan(JsonNode contract) {
        return plan(contract, "");
    }

    private JsonNode plan(JsonNode contract, String query) {
        return as("chen").getForObject("/api/contracts/" + contract.get("id").asLong() + "/installments" + query, JsonNode.class);
    }

    private List<String> statuses(JsonNode contract) {
        return plan(contract).get("installments").findValuesAsText("status");
    }

    private ProcessInstance collection(JsonNode contract) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PaymentService.PROCESS_KEY)
                .processInstanceBusinessKey(contract.get("id").asText()).singleResult();
    }

    private List<Task> dunningTasks(JsonNode contract) {
        return processEngine.getTaskService().createTaskQuery().processDefinitionKey(PaymentService.PROCESS_KEY)
                .processInstanceBusinessKey(contract.get("id").asText()).list();
    }

    private List<String> candidateGroups(Task task) {
        return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
    }

    private void complete(Task task, String user, Map<String, Object> variables) {
        processEngine.getIdentityService().setAuthenticatedUserId(user);
        try {
            processEngine.getTaskService().complete(task.getId(), variables);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private static Task single(List<Task> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), SHANGHAI);
    }

    private static Instant opening(LocalDate day) {
        return day.atTime(9, 0).atZone(SHANGHAI).toInstant();
    }

    /** A minute after business opens on {@code day}, when that day's steps are due. */
    private static void moveClockTo(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(opening(day).plusSeconds(60)));
    }

    /** Runs the collection's timers that are due now, and those that firing them made due, as the job executor would. */
    private void fireDueTimers(ProcessInstance collection) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = processEngine.getManagementService().createJobQuery().processInstanceId(collection.getId()).timers()
                    .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1)).list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("timers keep falling due");
    }

    private static List<MimeMessage> mailsAbout(LocalDate due) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
            try {
                return mail.getSubject().contains("Payment due " + due);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}

package io.crmflow.payment;

import static io.crmflow.pdf.PdfDocuments.money;
import static io.crmflow.process.EngineClock.now;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.crmflow.audit.AuditTrail;
import io.crmflow.audit.FieldChange;
import io.crmflow.calendar.BusinessCalendars;
import io.crmflow.contract.Contract;
import io.crmflow.contract.ContractApproved;
import io.crmflow.contract.ContractService;
import io.crmflow.notify.Channel;
import io.crmflow.notify.Notification;
import io.crmflow.notify.Notifications;
import io.crmflow.opportunity.Opportunity;
import io.crmflow.opportunity.OpportunityService;
import io.crmflow.process.RetriedOnConcurrentChange;
import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import io.crmflow.web.ConflictException;
import io.crmflow.web.ForbiddenException;
import io.crmflow.web.InvalidRequestException;
import io.crmflow.web.NotFoundException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment collection (docs/product.md §3.8), carried by the {@code payment-collection} process: one branch per installment with
 * its reminder and dunning ladder, ended by the payment that settles the installment.
 */
@Service
@RetriedOnConcurrentChange
public class PaymentService {

    public static final String PROCESS_KEY = "payment-collection";
    /** Message that ends an installment's branch; its name carries the installment id, as in the BPMN. */
    static final String INSTALLMENT_PAID = "InstallmentPaid-";
    static final String INSTALLMENT_ID = "installmentId";
    static final String OUTSTANDING = "outstanding";

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentRepository payments;
    private final InstallmentPlanner planner;
    private final PaymentTerms terms;
    private final BusinessCalendars calendars;
    private final ContractService contracts;
    private final OpportunityService opportunities;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final RuntimeService runtime;
    private final TaskService taskService;

    PaymentService(PaymentRepository payments, InstallmentPlanner planner, PaymentTerms terms, BusinessCalendars calendars,
                   ContractService contracts, OpportunityService opportunities, Notifications notifications, AuditTrail audit,
                   RuntimeService runtime, TaskService taskService) {
        this.payments = payments;
        this.planner = planner;
        this.terms = terms;
        this.calendars = calendars;
        this.contracts = contracts;
        this.opportunities = opportunities;
        this.notifications = notifications;
        this.audit = audit;
        this.runtime = runtime;
        this.taskService = taskService;
    }

    /** An approved contract's installments are collected from now on; in the approval's transaction, so both or neither happen. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void startCollection(ContractApproved approved) {
        Contract contract = contracts.get(approved.contractId());
        Opportunity opportunity = opportunities.get(contract.opportunityId());
        List<Installment> plan = planner.planOnApproval(contract.id(), contract.amount());
        Map<String, Object> variables = new HashMap<>();
        variables.put("contractId", contract.id());
        variables.put("contractNumber", contract.number());
        variables.put("opportunityId", opportunity.id());
        variables.put("opportunityName", opportunity.name());
        variables.put("customer", opportunity.company());
        variables.put("customerId", opportunity.customerId());
        variables.put("owner", approved.owner());
        variables.put("installmentIds", plan.stream().map(Installment::id).toList());
        runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(contract.id()), variables);
        opportunities.recordActivity(opportunity.id(), "COLLECTION_STARTED", contract.number() + ": " + plan.stream()
                .map(i -> money(i.amount()) + " CNY due " + i.dueDate()).collect(Collectors.joining("; ")), "process");
    }

    /** The contract's plan; with a status, only the installments in that status (the totals stay the contract's). */
    @Transactional(readOnly = true)
    PaymentPlan plan(long contractId, InstallmentStatus status, Authentication user) {
        PaymentPlan plan = plan(contracts.visible(contractId, user));
        return status == null ? plan : plan.onlyInstallments(status);
    }

    @Transactional(readOnly = true)
    List<Payment> payments(long contractId, Authentication user) {
        return payments.payments(contracts.visible(contractId, user).id());
    }

    /**
     * {@code POST /api/contracts/{id}/payments} (finance, administrators): allocates the payment to the oldest open
     * installments; an installment it settles leaves the dunning ladder, and the last one makes the contract PAID.
     */
    @Transactional
    RecordedPayment record(long contractId, NewPayment payment, Authentication authentication) {
        Contract contract = contracts.visible(contractId, authentication);
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.isAdmin() && !user.isIn(CrmflowGroup.FINANCE)) {
            throw new ForbiddenException("Payments are recorded by finance or an administrator");
        }
        if (!contract.status().isApproved()) {
            throw new ConflictException(contract.number() + " is " + contract.status() + "; payments are collected on approved contracts");
        }
        List<Installment> plan = payments.lockInstallments(contractId);
        if (plan.isEmpty()) {
            throw new ConflictException(contract.number() + " has no payment plan");
        }
        String reference = payment.reference() == null || payment.reference().isBlank() ? null : payment.reference().trim();
        if (reference != null && payments.referenceUsed(contractId, reference)) {
            throw new ConflictException("A payment with reference '" + reference + "' is already recorded for " + contract.number());
        }
        LocalDate today = planner.today();
        LocalDate receivedOn = payment.receivedOn() == null ? today : payment.receivedOn();
        if (receivedOn.isAfter(today)) {
            throw new InvalidRequestException("receivedOn", "A payment cannot be received in the future (" + receivedOn + ")");
        }
        BigDecimal outstanding = plan.stream().map(Installment::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (payment.amount().compareTo(outstanding) > 0) {
            throw new InvalidRequestException("amount", "Over-payment: " + contract.number() + " has " + money(outstanding)
                    + " CNY outstanding; " + money(payment.amount()) + " CNY would exceed it by " + money(payment.amount().subtract(outstanding))
                    + " CNY", Map.of(OUTSTANDING, outstanding));
        }
        Instant now = now();
        long paymentId = payments.insertPayment(contractId, payment.amount(), receivedOn, reference, user.userId(), now);
        List<FieldChange> changes = new ArrayList<>(List.of(FieldChange.of("payment", paymentId, "amount", null, payment.amount())));
        List<Installment> settled = new ArrayList<>();
        List<Installment> partlyPaid = new ArrayList<>();
        BigDecimal left = payment.amount();
        for (Installment installment : plan) {
            if (left.signum() == 0) {
                break;
            }
            if (installment.isPaid()) {
                continue;
            }
            BigDecimal part = left.min(installment.outstanding());
            boolean settles = part.compareTo(installment.outstanding()) == 0;
            payments.insertAllocation(paymentId, installment.id(), part);
            InstallmentStatus status = installment.status().afterPayment(settles);
            payments.addPaid(installment.id(), part, settles ? now : null, status);
            changes.add(FieldChange.of("installment", installment.id(), "paid", installment.paid(), installment.paid().add(part)));
            if (status != installment.status()) {
                changes.add(FieldChange.of("installment", installment.id(), "status", installment.status(), status));
            }
            (settles ? settled : partlyPaid).add(installment);
            left = left.subtract(part);
        }
        audit.record(user.userId(), changes);
        Payment recorded = payments.payment(paymentId);
        opportunities.recordActivity(contract.opportunityId(), "PAYMENT_RECEIVED", contract.number() + ": " + money(payment.amount())
                + " CNY received " + receivedOn + (reference == null ? "" : " (" + reference + ")") + " for " + recorded.allocations().stream()
                .map(a -> "#" + a.installmentNumber() + " " + money(a.amount())).collect(Collectors.joining(", ")), user.userId());
        partlyPaid.forEach(this::showOutstandingOnOpenTasks);
        settled.forEach(this::endDunning);
        return new RecordedPayment(recorded, plan(contracts.get(contractId)));
    }

    /** The settled installment's branch ends, and with it its timers and open dunning tasks; the last one ends the process. */
    private void endDunning(Installment installment) {
        int correlated = runtime.createMessageCorrelation(INSTALLMENT_PAID + installment.id())
                .processInstanceBusinessKey(String.valueOf(installment.contractId())).correlateAllWithResult().size();
        if (correlated == 0) {
            log.warn("Installment {} of contract {} is paid but no collection process waited for it", installment.id(), installment.contractId());
        }
    }

    private void showOutstandingOnOpenTasks(Installment installment) {
        BigDecimal outstanding = payments.installment(installment.id()).orElseThrow().outstanding();
        for (Task task : taskService.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(installment.contractId())).taskVariableValueEquals(INSTALLMENT_ID, installment.id())
                .list()) {
            taskService.setVariableLocal(task.getId(), OUTSTANDING, money(outstanding));
        }
    }

    /** When a step of an installment's ladder is due: days from the due date per the rules, at the start of business. */
    Date stepDue(long installmentId, CollectionStep step) {
        Installment installment = installment(installmentId);
        return Date.from(calendars.current().opening(installment.dueDate().plusDays(terms.daysFromDue(step))));
    }

    /** Process step "Remind owner": by email (when the owner has an address) and IM, once per installment. */
    @Transactional
    void remindOwner(long installmentId, String owner, String email) {
        Installment installment = installment(installmentId);
        if (installment.isPaid()) {
            return;
        }
        Contract contract = contracts.get(installment.contractId());
        Opportunity opportunity = opportunities.get(contract.opportunityId());
        String subject = "回款提醒 Payment due " + installment.dueDate() + ": " + contract.number() + " " + opportunity.company()
                + " installment " + installment.label();
        String body = money(installment.outstanding()) + " CNY of " + money(installment.amount()) + " CNY is due on " + installment.dueDate()
                + ". 请提醒客户按期付款 Please remind the customer.";
        String key = "installment:" + installmentId + ":reminder";
        if (email != null) {
            notifications.send(new Notification(Channel.EMAIL, email, subject, body, ContractService.reference(contract.id()), key + ":email"));
        }
        notifications.send(new Notification(Channel.IM, owner, subject, body, ContractService.reference(contract.id()), key + ":im"));
    }

    /** What a dunning task shows and when it is due (when the next step of the ladder starts); tells whoever has to act. */
    @Transactional
    DunningTask openDunning(long installmentId, CollectionStep step, String owner, List<String> recipients) {
        Installment installment = installment(installmentId);
        Contract contract = contracts.get(installment.contractId());
        Opportunity opportunity = opportunities.get(contract.opportunityId());
        long daysOverdue = installment.daysOverdue(planner.today());
        markOverdue(installment);
        String name = step.label() + ": " + contract.number() + " " + opportunity.company() + " " + installment.label() + ", "
                + money(installment.outstanding()) + " CNY, " + daysOverdue + " 天逾期 days overdue";
        Map<String, Object> variables = new HashMap<>();
        variables.put(INSTALLMENT_ID, installmentId);
        variables.put("installmentLabel", installment.label());
        variables.put("dueDate", installment.dueDate().toString());
        variables.put("installmentAmount", money(installment.amount()));
        variables.put(OUTSTANDING, money(installment.outstanding()));
        variables.put("daysOverdue", daysOverdue);
        variables.put("dunningStep", step.label());
        opportunities.recordActivity(opportunity.id(), "PAYMENT_OVERDUE", contract.number() + " " + installment.label() + " "
                + daysOverdue + " days overdue: " + step.label() + (step.group() == null ? " for " + owner : ""), "process");
        for (String recipient : recipients) {
            notifications.send(new Notification(Channel.IM, recipient, "回款逾期 Payment overdue: " + name, "请在 Tasklist 处理 In Tasklist: "
                    + step.label(), ContractService.reference(contract.id()), "installment:" + installmentId + ":" + step + ":" + recipient));
        }
        Date due = step.next().map(next -> stepDue(installmentId, next)).orElse(null);
        return new DunningTask(name, due, variables);
    }

    /**
     * The installment's dunning ladder has started (its first overdue step fired, when rules/payment-collection.dmn
     * says): it is OVERDUE until paid in full. Also run at start-up for ladders that started before the status was stored.
     */
    @Transactional
    void markOverdue(Installment installment) {
        if (installment.status().becomesOverdue() && payments.markOverdue(installment.id())) {
            audit.record("process", List.of(FieldChange.of("installment", installment.id(), "status", installment.status(),
                    InstallmentStatus.OVERDUE)));
        }
    }

    /** A dunning task is done: what the customer said goes on the opportunity's timeline. */
    @Transactional
    void recordChase(long installmentId, CollectionStep step, String note, String promisedDate, String actor) {
        if (note == null || note.isBlank()) {
            throw new InvalidRequestException("collectionNote", "Say what the customer said about the overdue payment");
        }
        Installment installment = installment(installmentId);
        Contract contract = contracts.get(installment.contractId());
        opportunities.recordActivity(contract.opportunityId(), "PAYMENT_CHASED", contract.number() + " " + installment.label() + " ("
                + step.label() + "): " + note.trim() + (promisedDate == null || promisedDate.isBlank() ? "" : "; 承诺付款 promised for "
                + promisedDate), actor);
    }

    private PaymentPlan plan(Contract contract) {
        LocalDate today = planner.today();
        List<PaymentPlan.Line> lines = payments.installments(contract.id()).stream()
                .map(i -> new PaymentPlan.Line(i.id(), i.number(), i.dueDate(), i.amount(), i.paid(), i.outstanding(), i.status(),
                        i.daysOverdue(today), i.paidAt()))
                .toList();
        BigDecimal paid = lines.stream().map(PaymentPlan.Line::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PaymentPlan(contract.id(), contract.number(), contract.status(), contract.amount(), paid, contract.amount().subtract(paid),
                lines);
    }

    private Installment installment(long installmentId) {
        return payments.installment(installmentId).orElseThrow(() -> new NotFoundException("Installment " + installmentId + " does not exist"));
    }

    /** A dunning task's name, due date and the local variables its form shows. */
    record DunningTask(String name, Date due, Map<String, Object> variables) {
    }
}

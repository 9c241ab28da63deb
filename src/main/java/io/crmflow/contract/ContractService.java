package io.crmflow.contract;

import static io.crmflow.process.EngineClock.now;
import static io.crmflow.pdf.PdfDocuments.money;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.crmflow.audit.AuditTrail;
import io.crmflow.audit.AuditedRecords;
import io.crmflow.audit.FieldChange;
import io.crmflow.team.StandIns;
import io.crmflow.notify.Channel;
import io.crmflow.notify.Notification;
import io.crmflow.notify.Notifications;
import io.crmflow.opportunity.Opportunity;
import io.crmflow.opportunity.OpportunityAmounts;
import io.crmflow.opportunity.OpportunityService;
import io.crmflow.opportunity.OpportunityStage;
import io.crmflow.process.RetriedOnConcurrentChange;
import io.crmflow.process.TaskCompletion;
import io.crmflow.quote.Quote;
import io.crmflow.quote.QuoteLine;
import io.crmflow.quote.QuoteService;
import io.crmflow.quote.QuoteStatus;
import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import io.crmflow.team.Region;
import io.crmflow.team.SalesTeam;
import io.crmflow.web.ConflictException;
import io.crmflow.web.ForbiddenException;
import io.crmflow.web.InvalidRequestException;
import io.crmflow.web.NotFoundException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contracts made from approved quotes and their approval (docs/product.md §3.7), carried by the {@code contract-approval} process. */
@Service
@RetriedOnConcurrentChange
public class ContractService implements AuditedRecords {

    public static final String PROCESS_KEY = "contract-approval";
    static final String APPROVAL_TASK = "Task_ApproveContract";
    static final String REVISION_TASK = "Task_ReviseContract";
    /** An approval task open this long gets a reminder and counts as overdue. */
    static final Duration OVERDUE_AFTER = Duration.ofHours(24);
    private static final List<CrmflowGroup> CONTRACT_APPROVERS = List.of(CrmflowGroup.LEGAL, CrmflowGroup.FINANCE, CrmflowGroup.GM);

    /** What approvers decide on and where the contract stands. */
    private static final Map<String, Function<Contract, ?>> AUDITED = new LinkedHashMap<>();

    static {
        AUDITED.put("status", Contract::status);
        AUDITED.put("amount", Contract::amount);
        AUDITED.put("terms", Contract::terms);
        AUDITED.put("approvalRoute", Contract::approvalRoute);
        AUDITED.put("round", Contract::round);
    }

    private final ContractRepository contracts;
    private final QuoteService quotes;
    private final OpportunityService opportunities;
    private final OpportunityAmounts amounts;
    private final ContractApprovalRules approvalRules;
    private final SalesTeam team;
    private final Notifications notifications;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final InstallmentPlans installmentPlans;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    ContractService(ContractRepository contracts, QuoteService quotes, OpportunityService opportunities, OpportunityAmounts amounts,
                    ContractApprovalRules approvalRules, SalesTeam team, Notifications notifications, RuntimeService runtime, TaskService taskService,
                    InstallmentPlans installmentPlans, ApplicationEventPublisher events, AuditTrail audit) {
        this.audit = audit;
        this.contracts = contracts;
        this.quotes = quotes;
        this.opportunities = opportunities;
        this.amounts = amounts;
        this.approvalRules = approvalRules;
        this.team = team;
        this.notifications = notifications;
        this.runtime = runtime;
        this.taskService = taskService;
        this.installmentPlans = installmentPlans;
        this.events = events;
    }

    /**
     * Drafts the contract from an approved quote of an opportunity in NEGOTIATION and starts its approval; the amount
     * is the quote's net total. The opportunity's owner, its region's manager or an administrator may do this.
     */
    @Transactional
    Contract create(long opportunityId, NewContract request, Authentication authentication) {
        Opportunity opportunity = opportunities.visibleTo(opportunityId, authentication);
        CurrentUser user = CurrentUser.of(authentication);
        requireOwnerOrManager(opportunity, user);
        if (opportunity.stage() != OpportunityStage.NEGOTIATION) {
            throw new ConflictException("Contracts are made in stage NEGOTIATION; opportunity " + opportunityId + " is in " + opportunity.stage());
        }
        if (contracts.exists(opportunityId, ContractStatus.PENDING_APPROVAL, ContractStatus.REVISION_NEEDED, ContractStatus.APPROVED,
                ContractStatus.PAID)) {
            throw new ConflictException("Opportunity " + opportunityId + " already has a contract in approval or approved");
        }
        Quote quote = approvedQuote(opportunityId, request.quoteId(), authentication);
        Instant now = now();
        long id = contracts.insert(opportunityId, quote.id(), quote.netTotal(), blankToNull(request.terms()), user.userId(), now);
        installmentPlans.plan(id, quote.netTotal(), request.plan());
        audit.recordChanges(user.userId(), "contract", id, null, get(id), AUDITED);
        opportunities.recordActivity(opportunityId, "CONTRACT_SUBMITTED", "C-" + id + " from " + quote.number() + ", "
                + money(quote.netTotal()) + " CNY", user.userId());
        Map<String, Object> variables = new HashMap<>();
        variables.put("contractId", id);
        variables.put("opportunityId", opportunityId);
        variables.put("owner", opportunity.ownerId());
        variables.put(ContractForm.PAYMENT_PLAN, ContractForm.paymentPlan(request.plan()));
        contracts.attachProcess(id, runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(id), variables).getId());
        return get(id);
    }

    private Quote approvedQuote(long opportunityId, long quoteId, Authentication authentication) {
        Quote quote;
        try {
            quote = quotes.visible(opportunityId, quoteId, authentication);
        } catch (NotFoundException unknown) {
            throw new InvalidRequestException("quoteId", "Opportunity " + opportunityId + " has no quote " + quoteId);
        }
        if (quote.status() != QuoteStatus.APPROVED) {
            throw new InvalidRequestException("quoteId", quote.number() + " is " + quote.status() + "; contracts are made from approved quotes");
        }
        return quote;
    }

    private void requireOwnerOrManager(Opportunity opportunity, CurrentUser user) {
        if (!user.isAdmin() && !user.userId().equals(opportunity.ownerId())
                && !team.regionsManagedBy(user.userId()).contains(Region.valueOf(opportunity.region()))) {
            throw new ForbiddenException("Only the owner, the region's manager or an administrator handles the contracts of opportunity "
                    + opportunity.id());
        }
    }

    @Transactional(readOnly = true)
    List<Contract> list(long opportunityId, Authentication user) {
        opportunities.visibleTo(opportunityId, user);
        return contracts.findByOpportunity(opportunityId);
    }

    /**
     * A contract of an opportunity the caller may see, or any contract for legal, finance and the GM, who approve them;
     * any other id looks exactly like one that does not exist.
     */
    @Transactional(readOnly = true)
    public Contract visible(long contractId, Authentication user) {
        Contract contract = get(contractId);
        if (CONTRACT_APPROVERS.stream().anyMatch(CurrentUser.of(user)::isIn)) {
            return contract;
        }
        try {
            opportunities.visibleTo(contract.opportunityId(), user);
        } catch (NotFoundException hidden) {
            throw notFound(contractId);
        }
        return contract;
    }

    /** Process step "Determine approvers": a new round on the route the DMN table gives for the amount. */
    @Transactional
    Map<String, Object> startRound(long contractId) {
        Contract contract = get(contractId);
        Opportunity opportunity = opportunities.get(contract.opportunityId());
        ContractRoute route = approvalRules.routeFor(contract.amount());
        contracts.startRound(contractId, route);
        recordChanges(contract, "process");
        opportunities.recordActivity(contract.opportunityId(), "CONTRACT_APPROVAL_REQUESTED", contract.number() + " round "
                + (contract.round() + 1) + ": " + money(contract.amount()) + " CNY needs " + route, "process");
        Map<String, Object> variables = new HashMap<>(ContractForm.variables(get(contractId), opportunity, quoteLines(contract)));
        variables.put("approvalSteps", route.steps().stream().map(Enum::name).toList());
        // No manager on record for the region: an administrator decides rather than nobody.
        variables.put("manager", team.managerOf(Region.valueOf(opportunity.region())).orElse("admin"));
        variables.put(ContractForm.REJECTED, false);
        return variables;
    }

    private List<QuoteLine> quoteLines(Contract contract) {
        return quotes.get(contract.quoteId()).lines();
    }

    /** Tells an approver about the task waiting for them; once per task and person, however often the step is retried. */
    @Transactional
    void notifyApprover(long contractId, ApproverStep step, String taskId, String recipient) {
        Contract contract = get(contractId);
        Opportunity opportunity = opportunities.get(contract.opportunityId());
        notifications.send(new Notification(Channel.IM, recipient, "合同待审批 Contract awaiting your approval: " + contract.number() + " "
                + opportunity.name(), step.label() + ": " + money(contract.amount()) + " CNY, by " + opportunity.ownerId(),
                reference(contractId), reference(contractId) + ":task:" + taskId + ":" + recipient));
    }

    /**
     * The reminder for an approval task open for {@code days} days: by email to the approver's address (IM when they
     * have none), and to the IM webhook. Once per task, person and day, however often the timer job is retried.
     */
    @Transactional
    void remindApprover(long contractId, ApproverStep step, String taskId, String recipient, String email, long days) {
        Contract contract = get(contractId);
        Opportunity opportunity = opportunities.get(contract.opportunityId());
        String subject = "合同审批提醒 Reminder: contract " + contract.number() + " " + opportunity.name() + " waits for you for "
                + days * OVERDUE_AFTER.toHours() + " h";
        String body = step.label() + ": " + money(contract.amount()) + " CNY, by " + opportunity.ownerId()
                + ". 请在 Tasklist 审批或 POST /api/contracts/" + contractId + "/decision";
        String key = reference(contractId) + ":task:" + taskId + ":reminder:" + days + ":" + recipient;
        if (email != null) {
            notifications.send(new Notification(Channel.EMAIL, email, subject, body, reference(contractId), key + ":email"));
        }
        notifications.send(new Notification(Channel.IM, recipient, subject, body, reference(contractId), key + ":im"));
    }

    /**
     * {@code POST /api/contracts/{id}/decision}: completes the open approval task of the caller's step, so the API and
     * Tasklist decide through the same task listener ({@link #recordDecision}).
     */
    @Transactional
    Contract requestDecision(long contractId, ContractDecision decision, Authentication authentication) {
        Contract contract = get(contractId);
        CurrentUser user = CurrentUser.of(authentication);
        Task task = taskService.createTaskQuery().processInstanceId(contract.processInstanceId()).taskDefinitionKey(APPROVAL_TASK).list()
                .stream().filter(open -> mayDecide(user, open)).findFirst().orElse(null);
        if (task == null) {
            // Approvers outside the opportunity's region may decide; anyone else who may not see it learns nothing about it.
            visible(contractId, authentication);
            if (contract.status() != ContractStatus.PENDING_APPROVAL) {
                throw new ConflictException(contract.number() + " is not waiting for approval (" + contract.status() + ")");
            }
            throw new ForbiddenException(contract.number() + " waits for no decision of " + user.userId());
        }
        ContractForm.requireReason(decision.approve(), decision.comment());
        TaskCompletion.complete(taskService, task.getId(), ContractForm.decision(decision.approve(), decision.comment(), user.userId()),
                contract.number() + " was decided by someone else a moment ago");
        return get(contractId);
    }

    private boolean mayDecide(CurrentUser user, Task task) {
        ApproverStep step = ApproverStep.valueOf((String) taskService.getVariable(task.getId(), ContractForm.STEP));
        return user.isAdmin() || (step.group() == null ? user.userId().equals(task.getAssignee()) : user.isIn(step.group()))
                || StandIns.offeredTo(taskService, task, user.userId());
    }

    /** Task listener "complete" of an approval task, whether the decision came from the Tasklist form or the API. */
    @Transactional
    String recordDecision(long contractId, ApproverStep step, boolean approved, String comment, String approver, String onBehalfOf) {
        ContractForm.requireReason(approved, comment);
        Contract contract = get(contractId);
        contracts.recordApproval(contractId, contract.round(), step, approver, onBehalfOf, approved, blankToNull(comment), now());
        String decision = (approved ? "approved" : "rejected") + " by "
                + new ContractApproval(contract.round(), step, approver, onBehalfOf, approved, comment, now()).decider();
        opportunities.recordActivity(contract.opportunityId(), approved ? "CONTRACT_STEP_APPROVED" : "CONTRACT_STEP_REJECTED",
                contract.number() + " " + decision + " (" + step.label() + ")" + (blankToNull(comment) == null ? "" : ": " + comment.trim()), approver);
        audit.record(approver, List.of(FieldChange.of("contract", contractId, "approval.round" + contract.round() + "." + step.name(), null, decision)));
        return ContractForm.approvalsSoFar(get(contractId));
    }

    /** Process step "Send back for revision": the owner hears who rejected and why. */
    @Transactional
    String sendBack(long contractId) {
        Contract contract = get(contractId);
        contracts.setStatus(contractId, ContractStatus.REVISION_NEEDED, null);
        recordChanges(contract, "process");
        String why = contract.approvals().stream().filter(a -> a.round() == contract.round() && !a.approved())
                .map(a -> a.decider() + " (" + a.step().label() + "): " + a.comment()).collect(Collectors.joining("; "));
        opportunities.recordActivity(contract.opportunityId(), "CONTRACT_REJECTED", contract.number() + " sent back: " + why, "process");
        notifications.send(new Notification(Channel.IM, opportunities.get(contract.opportunityId()).ownerId(),
                "合同被驳回 Contract rejected: " + contract.number(), why, reference(contractId),
                reference(contractId) + ":round:" + contract.round() + ":rejected"));
        return why;
    }

    /** {@code POST /api/contracts/{id}/revision}: completes the owner's revision task, as the Tasklist form does. */
    @Transactional
    Contract requestRevision(long contractId, ContractRevision revision, Authentication authentication) {
        Contract contract = visible(contractId, authentication);
        requireOwnerOrManager(opportunities.get(contract.opportunityId()), CurrentUser.of(authentication));
        Task task = taskService.createTaskQuery().processInstanceId(contract.processInstanceId()).taskDefinitionKey(REVISION_TASK)
                .singleResult();
        if (task == null) {
            throw new ConflictException(contract.number() + " is not waiting for a revision (" + contract.status() + ")");
        }
        TaskCompletion.complete(taskService, task.getId(), Map.of(ContractForm.TERMS, revision.terms()),
                contract.number() + " was revised by someone else a moment ago");
        return get(contractId);
    }

    /** Task listener "complete" of the revision task: the revised terms go to the next round. */
    @Transactional
    void revise(long contractId, String terms, String actor) {
        if (blankToNull(terms) == null) {
            throw new InvalidRequestException("terms", "A revision needs the revised terms");
        }
        Contract contract = get(contractId);
        contracts.revise(contractId, terms.trim());
        recordChanges(contract, actor);
        opportunities.recordActivity(contract.opportunityId(), "CONTRACT_REVISED", contract.number() + " revised", actor);
    }

    /**
     * Process step "Approve contract": every approver agreed; the contract's amount becomes the opportunity's, under the
     * approver who agreed last ({@link OpportunityAmounts}), and the opportunity is won.
     */
    @Transactional
    void approve(long contractId) {
        Contract contract = get(contractId);
        contracts.setStatus(contractId, ContractStatus.APPROVED, now());
        recordChanges(contract, "process");
        String approvers = ContractForm.approvalsSoFar(contract);
        opportunities.recordActivity(contract.opportunityId(), "CONTRACT_APPROVED", contract.number() + " approved, "
                + money(contract.amount()) + " CNY: " + approvers, "process");
        String lastApprover = contract.approvals().stream().filter(a -> a.round() == contract.round()).reduce((first, second) -> second)
                .map(ContractApproval::approver).orElse("process");
        amounts.contractApproved(contract.opportunityId(), contract.number(), contract.amount(), lastApprover);
        opportunities.moveOnBehalfOf(contract.opportunityId(), OpportunityStage.WON, "process");
        String owner = opportunities.get(contract.opportunityId()).ownerId();
        notifications.send(new Notification(Channel.IM, owner, "合同已批准 Contract approved: " + contract.number(), approvers,
                reference(contractId), reference(contractId) + ":APPROVED"));
        events.publishEvent(new ContractApproved(contractId, contract.opportunityId(), owner, now()));
    }

    /** Step "Mark contract paid" of payment collection: the last installment is paid. */
    @Transactional
    public void markPaid(long contractId) {
        Contract contract = get(contractId);
        if (!contracts.markPaid(contractId)) {
            throw new ConflictException(contract.number() + " is " + contract.status() + ", not APPROVED; it cannot become PAID");
        }
        recordChanges(contract, "process");
        opportunities.recordActivity(contract.opportunityId(), "CONTRACT_PAID", contract.number() + " fully paid, "
                + money(contract.amount()) + " CNY", "process");
    }

    /** The PDF of an approved contract; other contracts are drafts. */
    @Transactional(readOnly = true)
    ContractDocument document(long contractId, Authentication user) {
        Contract contract = visible(contractId, user);
        if (!contract.status().isApproved()) {
            throw new ConflictException(contract.number() + " is " + contract.status() + "; only approved contracts render to PDF");
        }
        return new ContractDocument(contract, opportunities.get(contract.opportunityId()), quotes.get(contract.quoteId()));
    }

    /** What a step changed of the contract as it was {@code before}, in the audit log under {@code actor}. */
    private void recordChanges(Contract before, String actor) {
        audit.recordChanges(actor, "contract", before.id(), before, get(before.id()), AUDITED);
    }

    public Contract get(long contractId) {
        return contracts.findById(contractId).orElseThrow(() -> notFound(contractId));
    }

    private static NotFoundException notFound(long contractId) {
        return new NotFoundException("Contract " + contractId + " does not exist");
    }

    public static String reference(long contractId) {
        return "contract:" + contractId;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** What a contract's PDF shows: the contract, its opportunity and the quote it is made from. */
    record ContractDocument(Contract contract, Opportunity opportunity, Quote quote) {
    }

    /** A contract's audit history (payments included) is readable to whoever may see the contract. */
    @Override
    public String entity() {
        return "contract";
    }

    @Override
    public void requireVisible(long id, Authentication caller) {
        visible(id, caller);
    }
}

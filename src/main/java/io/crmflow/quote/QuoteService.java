package io.crmflow.quote;

import static io.crmflow.process.EngineClock.now;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import io.crmflow.team.Region;
import io.crmflow.team.SalesTeam;
import io.crmflow.process.TaskCompletion;
import io.crmflow.web.ConflictException;
import io.crmflow.web.ForbiddenException;
import io.crmflow.web.InvalidRequestException;
import io.crmflow.web.NotFoundException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Quotes of an opportunity in PROPOSAL and their discount approval (docs/product.md §3.6), carried by the {@code quote-approval} process. */
@Service
public class QuoteService implements AuditedRecords {

    public static final String PROCESS_KEY = "quote-approval";

    /** What an approver decides on and what they decided. */
    private static final Map<String, Function<Quote, ?>> AUDITED = new LinkedHashMap<>();

    static {
        AUDITED.put("status", Quote::status);
        AUDITED.put("discountPercent", Quote::discountPercent);
        AUDITED.put("netTotal", Quote::netTotal);
        AUDITED.put("approvalRoute", Quote::approvalRoute);
    }

    private final QuoteRepository quotes;
    private final ProductRepository products;
    private final OpportunityService opportunities;
    private final OpportunityAmounts amounts;
    private final DiscountApprovalRules approvalRules;
    private final SalesTeam team;
    private final Notifications notifications;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final AuditTrail audit;

    QuoteService(QuoteRepository quotes, ProductRepository products, OpportunityService opportunities, OpportunityAmounts amounts,
                 DiscountApprovalRules approvalRules, SalesTeam team, Notifications notifications, RuntimeService runtime, TaskService taskService,
                 AuditTrail audit) {
        this.audit = audit;
        this.quotes = quotes;
        this.products = products;
        this.opportunities = opportunities;
        this.amounts = amounts;
        this.approvalRules = approvalRules;
        this.team = team;
        this.notifications = notifications;
        this.runtime = runtime;
        this.taskService = taskService;
    }

    @Transactional(readOnly = true)
    List<Quote> list(long opportunityId, Authentication user) {
        opportunities.visibleTo(opportunityId, user);
        return quotes.findByOpportunity(opportunityId);
    }

    /** A quote of an opportunity the caller may see; any other id looks exactly like one that does not exist. */
    @Transactional(readOnly = true)
    public Quote visible(long opportunityId, long quoteId, Authentication user) {
        opportunities.visibleTo(opportunityId, user);
        Quote quote = get(quoteId);
        if (quote.opportunityId() != opportunityId) {
            throw notFound(quoteId);
        }
        return quote;
    }

    /**
     * Checks every line (product, price, stock) before anything is written, stores the quote and starts its approval
     * process, which decides at once whether the discount needs approvers at all.
     */
    @Transactional
    Quote create(long opportunityId, NewQuote request, Authentication user) {
        Opportunity opportunity = opportunities.visibleTo(opportunityId, user);
        if (opportunity.stage() != OpportunityStage.PROPOSAL) {
            throw new ConflictException("Quotes are made in stage PROPOSAL; opportunity " + opportunityId + " is in " + opportunity.stage());
        }
        if (quotes.exists(opportunityId, QuoteStatus.PENDING_APPROVAL)) {
            throw new ConflictException("Opportunity " + opportunityId + " has a quote waiting for approval; a new one can follow its decision");
        }
        List<QuoteLine> lines = priceLines(request.lines());
        QuotePricing.Totals totals = QuotePricing.of(lines.stream()
                .map(line -> new QuotePricing.PricedLine(line.quantity(), line.listPrice(), line.unitPrice())).toList(), request.discountPercent());
        String actor = user.getName();
        Instant now = now();
        long id = quotes.insert(opportunityId, request.discountPercent(), totals, blankToNull(request.note()), actor, now);
        lines.forEach(line -> quotes.insertLine(id, line));
        audit.recordChanges(actor, "quote", id, null, get(id), AUDITED);
        opportunities.recordActivity(opportunityId, "QUOTE_SUBMITTED", "Q-" + id + ": " + lines.size() + " line(s), list " + totals.listTotal()
                + " CNY, discount " + request.discountPercent() + " %, net " + totals.netTotal() + " CNY", actor);
        Map<String, Object> variables = new HashMap<>();
        variables.put("quoteId", id);
        variables.put("opportunityId", opportunityId);
        variables.put("owner", opportunity.ownerId());
        quotes.attachProcess(id, runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(id), variables).getId());
        return get(id);
    }

    private List<QuoteLine> priceLines(List<NewQuote.Line> requested) {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!seen.add(requested.get(i).productId())) {
                throw new InvalidRequestException("lines[" + i + "].productId", "Product " + requested.get(i).productId()
                        + " is on more than one line; put its whole quantity on one line");
            }
        }
        Map<Long, Product> catalogue = products.findByIds(seen).stream().collect(Collectors.toMap(Product::id, Function.identity()));
        List<QuoteLine> lines = new ArrayList<>();
        List<StockShortage> shortages = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            NewQuote.Line line = requested.get(i);
            Product product = catalogue.get(line.productId());
            if (product == null || !product.active()) {
                throw new InvalidRequestException("lines[" + i + "].productId", "Product " + line.productId() + " does not exist or is no longer sold");
            }
            BigDecimal unitPrice = line.unitPrice() == null ? product.listPrice() : line.unitPrice().setScale(2);
            if (unitPrice.compareTo(product.listPrice()) > 0) {
                throw new InvalidRequestException("lines[" + i + "].unitPrice", "Unit price " + unitPrice + " of " + product.name()
                        + " is above its list price " + product.listPrice() + " CNY");
            }
            if (line.quantity() > product.stock()) {
                shortages.add(shortage(i + 1, product, line.quantity()));
            }
            lines.add(new QuoteLine(i + 1, product.id(), product.name(), product.category(), line.quantity(), product.listPrice(), unitPrice,
                    new QuotePricing.PricedLine(line.quantity(), product.listPrice(), unitPrice).total()));
        }
        if (!shortages.isEmpty()) {
            StockShortage first = shortages.get(0);
            throw new InvalidRequestException("lines[" + (first.line() - 1) + "].quantity", shortages.stream()
                    .map(s -> "line " + s.line() + ": " + s.requested() + " × " + s.productName() + ", only " + s.inStock() + " in stock")
                    .collect(Collectors.joining("; ")) + ". See 'shortages' for substitutes of the same category in stock.",
                    Map.of("shortages", shortages));
        }
        return lines;
    }

    private StockShortage shortage(int lineNo, Product product, int requested) {
        List<StockShortage.Substitute> substitutes = products.inStockOfCategory(product.category(), product.id()).stream()
                .map(p -> new StockShortage.Substitute(p.id(), p.sku(), p.name(), p.stock(), p.listPrice(), p.stock() >= requested))
                .toList();
        return new StockShortage(lineNo, product.id(), product.name(), product.category(), requested, product.stock(), substitutes);
    }

    /** Process step "Determine approvers": the route from the DMN table, the region's manager, and what the task form shows. */
    @Transactional
    Map<String, Object> determineApprovers(long quoteId) {
        Quote quote = get(quoteId);
        Opportunity opportunity = opportunities.get(quote.opportunityId());
        ApprovalRoute route = approvalRules.routeFor(quote.effectiveDiscountPercent());
        quotes.setApprovalRoute(quoteId, route);
        audit.recordChanges("process", "quote", quoteId, quote, get(quoteId), AUDITED);
        Map<String, Object> variables = new HashMap<>(QuoteForm.variables(quote, opportunity));
        variables.put("approval", route.name());
        if (route != ApprovalRoute.NONE) {
            // No manager on record for the region: an administrator decides rather than nobody.
            variables.put("manager", team.managerOf(Region.valueOf(opportunity.region())).orElse("admin"));
            opportunities.recordActivity(quote.opportunityId(), "QUOTE_APPROVAL_REQUESTED", quote.number() + ": "
                    + quote.effectiveDiscountPercent() + " % off list needs " + route, "process");
        }
        return variables;
    }

    /** Tells an approver about the task waiting for them; once per task and person, however often the step is retried. */
    @Transactional
    void notifyApprover(long quoteId, ApprovalStep step, String taskId, String recipient) {
        Quote quote = get(quoteId);
        Opportunity opportunity = opportunities.get(quote.opportunityId());
        notifications.send(new Notification(Channel.IM, recipient, "报价待审批 Quote awaiting your approval: " + quote.number() + " "
                + opportunity.name(), step.label() + ": " + quote.effectiveDiscountPercent() + " % off list " + quote.listTotal()
                + " CNY, net " + quote.netTotal() + " CNY, by " + opportunity.ownerId(), "quote:" + quoteId,
                "quote:" + quoteId + ":task:" + taskId + ":" + recipient));
    }

    /**
     * {@code POST /api/quotes/{id}/decision}: checks that the caller is the approver of the open step, then completes
     * that step's task, so the API and Tasklist decide through the same process step ({@link #recordDecision}).
     */
    @Transactional
    Quote requestDecision(long quoteId, QuoteDecision decision, Authentication authentication) {
        Quote quote = get(quoteId);
        CurrentUser user = CurrentUser.of(authentication);
        Task task = openApprovalTask(quote);
        if (task == null || !mayDecide(user, task)) {
            // Who may not even see the opportunity learns nothing about its quotes.
            opportunities.visibleTo(quote.opportunityId(), authentication);
            if (task == null) {
                throw new ConflictException(quote.number() + " is not waiting for approval (" + quote.status() + ")");
            }
            throw new ForbiddenException(quote.number() + " waits for " + ApprovalStep.ofTask(task.getTaskDefinitionKey()).label()
                    + (task.getAssignee() == null ? "" : " (" + task.getAssignee() + ")"));
        }
        requireReason(decision.approve(), decision.comment());
        TaskCompletion.complete(taskService, task.getId(), QuoteForm.decision(decision.approve(), decision.comment(), user.userId()),
                quote.number() + " was decided by someone else a moment ago");
        return get(quoteId);
    }

    private Task openApprovalTask(Quote quote) {
        if (quote.status() != QuoteStatus.PENDING_APPROVAL) {
            return null;
        }
        return taskService.createTaskQuery().processInstanceId(quote.processInstanceId())
                .taskDefinitionKeyIn(ApprovalStep.SALES_MANAGER.taskKey(), ApprovalStep.FINANCE.taskKey()).singleResult();
    }

    private boolean mayDecide(CurrentUser user, Task task) {
        return user.isAdmin() || switch (ApprovalStep.ofTask(task.getTaskDefinitionKey())) {
            case SALES_MANAGER -> user.userId().equals(task.getAssignee());
            case FINANCE -> user.isIn(CrmflowGroup.FINANCE) && (task.getAssignee() == null || user.userId().equals(task.getAssignee()));
        } || StandIns.offeredTo(taskService, task, user.userId());
    }

    /** Process step "Record … decision", whether the decision came from the Tasklist form or the API. */
    @Transactional
    void recordDecision(long quoteId, ApprovalStep step, boolean approved, String comment, String approver, String onBehalfOf) {
        requireReason(approved, comment);
        Quote quote = get(quoteId);
        quotes.recordApproval(quoteId, step, approver, onBehalfOf, approved, blankToNull(comment), now());
        String decision = (approved ? "approved" : "rejected") + " by " + new QuoteApproval(step.name(), approver, onBehalfOf, approved, comment,
                now()).decider();
        opportunities.recordActivity(quote.opportunityId(), approved ? "QUOTE_STEP_APPROVED" : "QUOTE_STEP_REJECTED",
                quote.number() + " " + decision + " (" + step.label() + ")" + (blankToNull(comment) == null ? "" : ": " + comment.trim()), approver);
        audit.record(approver, List.of(FieldChange.of("quote", quoteId, "approval." + step.name(), null, decision)));
    }

    /**
     * Process step "Approve quote" (also when no approval was needed): its net total becomes the opportunity's amount,
     * under the approver whose decision approved it ({@link OpportunityAmounts}).
     */
    @Transactional
    void approve(long quoteId) {
        Quote quote = get(quoteId);
        conclude(quoteId, QuoteStatus.APPROVED, "报价已批准 Quote approved");
        String approver = quote.approvals().isEmpty() ? "process" : quote.approvals().get(quote.approvals().size() - 1).approver();
        amounts.quoteApproved(quote.opportunityId(), quote.number(), quote.netTotal(), approver);
    }

    /** Process step "Reject quote": the owner hears why and may submit a new quote. */
    @Transactional
    void reject(long quoteId) {
        conclude(quoteId, QuoteStatus.REJECTED, "报价被驳回 Quote rejected");
    }

    private void conclude(long quoteId, QuoteStatus status, String subject) {
        Quote quote = get(quoteId);
        quotes.decide(quoteId, status, now());
        audit.recordChanges("process", "quote", quoteId, quote, get(quoteId), AUDITED);
        Opportunity opportunity = opportunities.get(quote.opportunityId());
        String why = quote.approvals().isEmpty() ? "no approval needed (" + quote.effectiveDiscountPercent() + " % off list)"
                : quote.approvals().stream().map(a -> a.decider() + (a.approved() ? " approved" : " rejected")
                + (a.comment() == null ? "" : ": " + a.comment())).collect(Collectors.joining("; "));
        opportunities.recordActivity(quote.opportunityId(), "QUOTE_" + status.name(), quote.number() + " " + status + ", net "
                + quote.netTotal() + " CNY: " + why, "process");
        notifications.send(new Notification(Channel.IM, opportunity.ownerId(), subject + ": " + quote.number() + " " + opportunity.name(),
                why, "quote:" + quoteId, "quote:" + quoteId + ":" + status.name()));
    }

    /** The PDF of an approved quote; other quotes are not an offer yet. */
    @Transactional(readOnly = true)
    QuoteDocument document(long opportunityId, long quoteId, Authentication user) {
        Quote quote = visible(opportunityId, quoteId, user);
        if (quote.status() != QuoteStatus.APPROVED) {
            throw new ConflictException(quote.number() + " is " + quote.status() + "; only approved quotes render to PDF");
        }
        return new QuoteDocument(quote, opportunities.get(opportunityId));
    }

    private static void requireReason(boolean approved, String comment) {
        if (!approved && blankToNull(comment) == null) {
            throw new InvalidRequestException("comment", "A rejection needs a comment telling the owner why");
        }
    }

    public Quote get(long quoteId) {
        return quotes.findById(quoteId).orElseThrow(() -> notFound(quoteId));
    }

    private static NotFoundException notFound(long quoteId) {
        return new NotFoundException("Quote " + quoteId + " does not exist");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** What a quote's PDF shows: the quote and the opportunity it is for. */
    record QuoteDocument(Quote quote, Opportunity opportunity) {
    }

    /** A quote's audit history is readable to whoever may see its opportunity. */
    @Override
    public String entity() {
        return "quote";
    }

    @Override
    public void requireVisible(long id, Authentication caller) {
        visible(get(id).opportunityId(), id, caller);
    }
}

package io.crmflow.ticket;

import static io.crmflow.process.EngineClock.now;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.crmflow.audit.AuditTrail;
import io.crmflow.audit.AuditedRecords;
import io.crmflow.calendar.BusinessCalendar;
import io.crmflow.customer.CustomerCard;
import io.crmflow.customer.CustomerService;
import io.crmflow.notify.Channel;
import io.crmflow.notify.Notification;
import io.crmflow.notify.Notifications;
import io.crmflow.opportunity.OpportunityService;
import io.crmflow.process.RetriedOnConcurrentChange;
import io.crmflow.process.TaskCompletion;
import io.crmflow.web.ConflictException;
import io.crmflow.web.ForbiddenException;
import io.crmflow.web.InvalidRequestException;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service tickets of docs/product.md §4, carried by the {@code service-ticket} process. API calls check the request and the
 * ticket's state, then drive the process (complete a task, correlate a message); the process steps call back into the
 * {@code apply…}/{@code record…} methods, so Tasklist and the API change a ticket the same way.
 */
@Service
@RetriedOnConcurrentChange
public class TicketService implements AuditedRecords {

    public static final String PROCESS_KEY = "service-ticket";
    static final String L2_TASK = "Task_HandleTicketL2";
    static final String L3_TASK = "Task_HandleTicketL3";
    static final String MESSAGE_PAUSED = "TicketResolutionPaused";
    static final String MESSAGE_RESUMED = "TicketResolutionResumed";
    static final String MESSAGE_L1_FEEDBACK = "TicketL1Feedback";
    static final String MESSAGE_CONFIRMED = "TicketConfirmed";
    static final String MESSAGE_REOPENED = "TicketReopened";
    /** Who warnings go to while nobody has taken the ticket yet: the support agents' group chat. */
    static final String UNASSIGNED_RECIPIENT = "support-agent";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Where a ticket stands and who works it. */
    private static final Map<String, Function<Ticket, ?>> AUDITED = new LinkedHashMap<>();

    static {
        AUDITED.put("status", Ticket::status);
        AUDITED.put("priority", Ticket::priority);
        AUDITED.put("level", Ticket::level);
        AUDITED.put("assignee", Ticket::assignee);
        AUDITED.put("breached", Ticket::breached);
        AUDITED.put("resolution", Ticket::resolution);
        AUDITED.put("csat", Ticket::csat);
    }

    private final TicketRepository tickets;
    private final KnowledgeBaseRepository articles;
    private final KnowledgeBaseMatcher matcher;
    private final TicketPolicies policies;
    private final OpportunityService opportunities;
    private final CustomerService customers;
    private final Notifications notifications;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final AuditTrail audit;
    private final MeterRegistry meters;

    TicketService(TicketRepository tickets, KnowledgeBaseRepository articles, KnowledgeBaseMatcher matcher, TicketPolicies policies,
                  OpportunityService opportunities, CustomerService customers, Notifications notifications, RuntimeService runtime, TaskService taskService, AuditTrail audit, MeterRegistry meters) {
        this.meters = meters;
        this.audit = audit;
        this.tickets = tickets;
        this.articles = articles;
        this.matcher = matcher;
        this.policies = policies;
        this.opportunities = opportunities;
        this.customers = customers;
        this.notifications = notifications;
        this.runtime = runtime;
        this.taskService = taskService;
    }

    // ------------------------------------------------------------------------------------------ API

    /** Decides priority and SLA, answers from the knowledge base when it can (L1), starts the clocks and the process. */
    @Transactional
    TicketView create(NewTicket request, TicketActor actor) {
        if (!actor.supportStaff()) {
            throw new ForbiddenException("Only the service desk (support-agent, support-lead) enters tickets");
        }
        CustomerCard customer = customers.card(request.customerId())
                .orElseThrow(() -> new InvalidRequestException("customerId", "Customer " + request.customerId() + " does not exist"));
        TicketPolicies.DecidedPriority decided = policies.priority(customer.tier(), request.severity());
        Priority priority = decided.priority();
        SlaTargets sla = policies.sla(priority);
        Instant now = now();
        Optional<KbArticle> answer = priority.allowsKnowledgeBaseAnswer()
                ? matcher.bestMatch(request.subject() + "\n" + request.description(), articles.withStatus(KbArticleStatus.APPROVED))
                : Optional.empty();
        SupportLevel level = answer.isPresent() ? SupportLevel.L1 : SupportLevel.L2;
        long id = tickets.insert(request, priority, level, answer.isPresent() ? TicketStatus.WAITING_ON_CUSTOMER : TicketStatus.OPEN,
                answer.map(KbArticle::id).orElse(null), decided.ruleSetVersion(), actor.userId(), now);
        audit.recordChanges(actor.userId(), "ticket", id, null, get(id), AUDITED);
        tickets.addMessage(id, "CUSTOMER", customer.name(), request.description().strip(), now);
        Map<ClockKind, Instant[]> clocks = new HashMap<>();
        for (ClockKind kind : ClockKind.values()) {
            BusinessCalendar calendar = policies.calendarOf(sla.roundTheClock());
            Instant due = SlaClocks.due(calendar, now, sla.target(kind), Duration.ZERO);
            Instant warnAt = SlaClocks.warnAt(calendar, now, sla.target(kind), Duration.ZERO, sla.warningPercent());
            tickets.startClock(id, kind, sla, now, due, warnAt);
            clocks.put(kind, new Instant[] {due, warnAt});
        }
        tickets.recordEvent(id, "OPENED", request.severity() + " × tier " + customer.tier() + " → " + priority + " via "
                + request.channel() + "; first response due " + shown(clocks.get(ClockKind.FIRST_RESPONSE)[0])
                + ", resolution due " + shown(clocks.get(ClockKind.RESOLUTION)[0]), actor.userId(), now);

        Map<String, Object> variables = new HashMap<>();
        variables.put("ticketId", id);
        variables.put("subject", request.subject().strip());
        variables.put("description", request.description().strip());
        variables.put("customerId", customer.id());
        variables.put("customerName", customer.name());
        variables.put("customerTier", customer.tier().name());
        variables.put("accountOwner", customer.accountOwner());
        variables.put("priority", priority.name());
        variables.put("level", level.name());
        variables.put("firstResponseMet", false);
        variables.put("firstResponseDue", Date.from(clocks.get(ClockKind.FIRST_RESPONSE)[0]));
        variables.put("firstResponseWarningAt", Date.from(clocks.get(ClockKind.FIRST_RESPONSE)[1]));
        variables.put("resolutionDue", Date.from(clocks.get(ClockKind.RESOLUTION)[0]));
        variables.put("resolutionWarningAt", Date.from(clocks.get(ClockKind.RESOLUTION)[1]));
        String processInstanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(id), variables).getId();
        tickets.attachProcess(id, processInstanceId);
        if (answer.isPresent()) {
            KbArticle article = answer.get();
            tickets.addMessage(id, "SYSTEM", "knowledge-base", article.title() + "\n\n" + article.body(), now);
            tickets.recordEvent(id, "AUTO_ANSWERED", "L1: knowledge-base article #" + article.id() + " " + article.title()
                    + "; waiting for the customer", "process", now);
            pauseResolution(tickets.findById(id).orElseThrow(), now);
        }
        return view(id);
    }

    @Transactional(readOnly = true)
    TicketView visible(long id, TicketActor actor) {
        Ticket ticket = get(id);
        if (!actor.mayWork(customerOf(ticket))) {
            throw new TicketNotFoundException(id);
        }
        return view(id);
    }

    @Transactional(readOnly = true)
    List<TicketView> list(TicketActor actor, TicketStatus status, Long customerId, int limit, int offset) {
        return tickets.list(status, customerId, actor.supportStaff() ? null : customers.idsOwnedBy(actor.userId()), limit, offset).stream()
                .map(ticket -> view(ticket.id())).toList();
    }

    @Transactional(readOnly = true)
    List<TicketEvent> timeline(long id, TicketActor actor) {
        visible(id, actor);
        return tickets.events(id);
    }

    /** An answer to the customer. The first one meets the first-response clock; it may also wait for the customer's answer. */
    @Transactional
    TicketView reply(long id, TicketRequests.AgentReply reply, TicketActor actor) {
        Ticket ticket = workable(id, actor);
        requireOpen(ticket);
        Instant now = now();
        tickets.addMessage(id, "AGENT", actor.userId(), reply.body().strip(), now);
        tickets.recordEvent(id, "REPLIED", Boolean.TRUE.equals(reply.waitForCustomer()) ? "waiting for the customer" : "answered",
                actor.userId(), now);
        if (meetFirstResponse(ticket, now)) {
            // The process's conditional event on this variable ends the first-response timers.
            runtime.setVariable(ticket.processInstanceId(), "firstResponseMet", true);
        }
        if (ticket.assignee() == null) {
            audited(id, () -> tickets.assign(id, actor.userId(), now));
            claimWorkTask(ticket, actor.userId());
        }
        if (Boolean.TRUE.equals(reply.waitForCustomer()) && ticket.status() == TicketStatus.OPEN) {
            audited(id, () -> tickets.updateState(id, TicketStatus.WAITING_ON_CUSTOMER, ticket.level(), now));
            pauseResolution(ticket, now);
        }
        return view(id);
    }

    /** The customer wrote: resumes a paused resolution clock; at L1 it answers the automatic reply (solved or not). */
    @Transactional
    TicketView customerReply(long id, TicketRequests.CustomerReply reply, TicketActor actor) {
        Ticket ticket = workable(id, actor);
        requireOpen(ticket);
        if (reply.solved() != null && ticket.level() != SupportLevel.L1) {
            throw new InvalidRequestException("solved", "'solved' answers an automatic knowledge-base reply (L1); this ticket is at "
                    + ticket.level() + ": resolve it instead");
        }
        Instant now = now();
        CustomerCard customer = customerOf(ticket);
        tickets.addMessage(id, "CUSTOMER", customer.name(), reply.body().strip(), now);
        tickets.recordEvent(id, "CUSTOMER_REPLIED", "recorded by " + actor.userId(), actor.userId(), now);
        if (ticket.status() == TicketStatus.WAITING_ON_CUSTOMER) {
            audited(id, () -> tickets.updateState(id, TicketStatus.OPEN, ticket.level(), now));
            resumeResolution(ticket, now);
        }
        if (ticket.level() == SupportLevel.L1) {
            Map<String, Object> feedback = new HashMap<>();
            feedback.put("outcome", Boolean.TRUE.equals(reply.solved()) ? TicketOutcome.RESOLVED.name() : TicketOutcome.ESCALATE_L2.name());
            feedback.put("resolution", "知识库文章已解决 Solved by knowledge-base article #" + ticket.answeredByArticle());
            feedback.put("outcomeBy", actor.userId());
            correlate(ticket, MESSAGE_L1_FEEDBACK, feedback);
        }
        return view(id);
    }

    /** Completes the ticket's L2 or L3 task as resolved, the same step as in Tasklist. */
    @Transactional
    TicketView resolve(long id, String resolution, TicketActor actor) {
        Ticket ticket = workable(id, actor);
        requireOpen(ticket);
        Task task = workTask(ticket);
        if (task.getTaskDefinitionKey().equals(L2_TASK) && !actor.supportStaff()) {
            throw new ForbiddenException("Ticket " + id + " is with the support agents (L2)");
        }
        completeWorkTask(ticket, task, actor, Map.of("outcome", TicketOutcome.RESOLVED.name(), "resolution", resolution.strip()));
        return view(id);
    }

    /** L3: hands the ticket with its conversation to the customer's account owner. */
    @Transactional
    TicketView transfer(long id, String note, TicketActor actor) {
        Ticket ticket = workable(id, actor);
        requireOpen(ticket);
        Task task = workTask(ticket);
        if (!task.getTaskDefinitionKey().equals(L2_TASK) || !actor.supportStaff()) {
            throw new ConflictException("Ticket " + id + " is at " + ticket.level() + "; only the support agents transfer an L2 ticket");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("outcome", TicketOutcome.TRANSFER_L3.name());
        variables.put("transferNote", note == null ? null : note.strip());
        completeWorkTask(ticket, task, actor, variables);
        return view(id);
    }

    @Transactional
    TicketView confirm(long id, Integer csat, TicketActor actor) {
        Ticket ticket = workable(id, actor);
        if (ticket.status() != TicketStatus.RESOLVED) {
            throw new ConflictException("Ticket " + id + " is " + ticket.status() + "; only a RESOLVED ticket is confirmed");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("confirmedBy", actor.userId());
        variables.put("csat", csat);
        correlate(ticket, MESSAGE_CONFIRMED, variables);
        return view(id);
    }

    /** Reopens a resolved or closed ticket within the reopen window of its priority; the resolution clock starts again. */
    @Transactional
    TicketView reopen(long id, String reason, TicketActor actor) {
        Ticket ticket = workable(id, actor);
        if (ticket.status() != TicketStatus.RESOLVED && ticket.status() != TicketStatus.CLOSED) {
            throw new ConflictException("Ticket " + id + " is " + ticket.status() + "; only a resolved or closed ticket is reopened");
        }
        Instant until = reopenUntil(ticket);
        if (!now().isBefore(until)) {
            throw new ConflictException("Ticket " + id + " can no longer be reopened: the window ended " + shown(until)
                    + "; open a new ticket");
        }
        correlate(ticket, MESSAGE_REOPENED, Map.of("reopenedBy", actor.userId(), "reopenReason", reason.strip()));
        return view(id);
    }

    @Transactional
    TicketView rate(long id, int csat, TicketActor actor) {
        Ticket ticket = workable(id, actor);
        if (ticket.status() != TicketStatus.RESOLVED && ticket.status() != TicketStatus.CLOSED) {
            throw new ConflictException("Ticket " + id + " is " + ticket.status() + "; satisfaction is rated once it is resolved");
        }
        Instant now = now();
        audited(id, () -> tickets.rate(id, csat, now));
        tickets.recordEvent(id, "RATED", "CSAT " + csat, actor.userId(), now);
        return view(id);
    }

    // ------------------------------------------------------------------------------------------ process steps

    /** "Record outcome": what L1 feedback, the L2 or the L3 task decided. Returns the process's next step and variables. */
    @Transactional
    Map<String, Object> applyOutcome(long id, TicketOutcome outcome, String text, String actor) {
        Ticket ticket = tickets.lock(id).orElseThrow(() -> new TicketNotFoundException(id));
        Instant now = now();
        Map<String, Object> variables = new HashMap<>();
        switch (outcome) {
            case RESOLVED -> {
                if (text == null || text.isBlank()) {
                    throw new InvalidRequestException("resolution", "Say how the ticket was resolved");
                }
                if (ticket.level() != SupportLevel.L1) {
                    tickets.addMessage(id, "AGENT", actor, text.strip(), now);
                }
                audited(id, () -> tickets.resolve(id, text.strip(), now));
                endClock(id, ClockKind.RESOLUTION, now);
                if (meetFirstResponse(ticket, now)) {
                    variables.put("firstResponseMet", true);
                }
                tickets.recordEvent(id, "RESOLVED", ticket.level() + ": " + text.strip(), actor, now);
                SlaTargets sla = policies.sla(ticket.priority());
                variables.put("autoCloseAt", Date.from(policies.afterWorkingDays(now, sla.autoCloseBusinessDays())));
                variables.put("reopenUntil", Date.from(now.plus(Duration.ofDays(sla.reopenWindowDays()))));
            }
            case ESCALATE_L2 -> {
                audited(id, () -> tickets.updateState(id, TicketStatus.OPEN, SupportLevel.L2, now));
                tickets.recordEvent(id, "ESCALATED", "L1 → L2: the knowledge-base answer did not solve it", actor, now);
                variables.put("level", SupportLevel.L2.name());
            }
            case TRANSFER_L3 -> {
                if (ticket.level() != SupportLevel.L2) {
                    throw new ConflictException("Only an L2 ticket is transferred to the account owner");
                }
                CustomerCard customer = customerOf(ticket);
                audited(id, () -> tickets.updateState(id, ticket.status(), SupportLevel.L3, now));
                audited(id, () -> tickets.assign(id, customer.accountOwner(), now));
                tickets.recordEvent(id, "TRANSFERRED", "L2 → L3: to account owner " + customer.accountOwner()
                        + (text == null || text.isBlank() ? "" : ": " + text.strip()), actor, now);
                String conversation = conversation(id);
                notifications.send(new Notification(Channel.IM, customer.accountOwner(), "工单转交 Ticket #" + id + " for your customer "
                        + customer.name() + ": " + ticket.subject(), (text == null ? "" : text.strip() + "\n\n") + conversation,
                        "ticket:" + id, "ticket:" + id + ":transfer:" + ticket.reopenCount()));
                variables.put("level", SupportLevel.L3.name());
                variables.put("conversation", conversation);
            }
        }
        return variables;
    }

    /** "Load customer history": what the L2 task shows next to the ticket. */
    @Transactional(readOnly = true)
    Map<String, Object> customerHistory(long id) {
        Ticket ticket = get(id);
        CustomerCard customer = customerOf(ticket);
        StringBuilder history = new StringBuilder("工单 Tickets:\n");
        List<Ticket> previous = tickets.list(null, customer.id(), null, 20, 0).stream().filter(other -> other.id() != id).toList();
        previous.forEach(other -> history.append("  #").append(other.id()).append(' ').append(other.priority()).append(' ')
                .append(other.status()).append(' ').append(shown(other.createdAt())).append(' ').append(other.subject()).append('\n'));
        if (previous.isEmpty()) {
            history.append("  无 none\n");
        }
        history.append("商机 Opportunities:\n");
        var deals = opportunities.ofCompany(customer.name());
        deals.forEach(deal -> history.append("  #").append(deal.id()).append(' ').append(deal.name()).append(" — ").append(deal.stage())
                .append(deal.amount() == null ? "" : ", " + deal.amount().toPlainString() + " CNY").append(", ").append(deal.ownerId()).append('\n'));
        if (deals.isEmpty()) {
            history.append("  无 none\n");
        }
        history.append("合同 Contracts: 尚未上线 not available yet");
        return Map.of("customerHistory", history.toString(), "conversation", conversation(id));
    }

    /** A warning timer fired: tells the assignee, once per clock run, if the clock is still running. */
    @Transactional
    void warn(long id, ClockKind kind) {
        Ticket ticket = get(id);
        SlaClock clock = tickets.clock(id, kind);
        if (clock.state() != ClockState.RUNNING || clock.warned()) {
            return;
        }
        Instant now = now();
        tickets.markWarned(id, kind);
        String recipient = ticket.assignee() == null ? UNASSIGNED_RECIPIENT : ticket.assignee();
        tickets.recordEvent(id, "SLA_WARNING", kind + ": " + clock.warningPercent() + " % of " + clock.target().toHours()
                + " h used, due " + shown(clock.dueAt()) + "; told " + recipient, "process", now);
        notifications.send(new Notification(Channel.IM, recipient, "工单即将超时 SLA warning: ticket #" + id + " " + ticket.subject(),
                kind + " due " + shown(clock.dueAt()) + " (" + ticket.priority() + ")", "ticket:" + id,
                "ticket:" + id + ":" + kind + ":" + clock.startedAt().toEpochMilli() + ":warning"));
    }

    /** A breach timer fired: the clock and the ticket are marked breached; the process gives the support lead a task. */
    @Transactional
    void breach(long id, ClockKind kind) {
        SlaClock clock = tickets.clock(id, kind);
        Instant now = now();
        tickets.breachClock(id, kind);
        audited(id, () -> tickets.markBreached(id, now));
        meters.counter("crmflow.tickets.sla.breaches", "priority", get(id).priority().name(), "clock", kind.name()).increment();
        tickets.recordEvent(id, "SLA_BREACHED", kind + " was due " + shown(clock.dueAt()) + "; task for the support lead", "process", now);
    }

    @Transactional
    void recordBreachReview(long id, String note, String actor) {
        tickets.recordEvent(id, "BREACH_REVIEWED", note == null || note.isBlank() ? "reviewed" : note.strip(), actor, now());
    }

    /** "Close ticket": confirmed by the customer ({@code confirmedBy} recorded it), or closed by the auto-close timer. */
    @Transactional
    void close(long id, String confirmedBy, Integer csat) {
        Instant now = now();
        audited(id, () -> tickets.close(id, csat, now));
        tickets.recordEvent(id, "CLOSED", confirmedBy == null ? "no answer from the customer: closed automatically"
                : "confirmed by the customer" + (csat == null ? "" : ", CSAT " + csat), confirmedBy == null ? "process" : confirmedBy, now);
    }

    /** "Reopen ticket": back to the support agents with a fresh resolution clock. */
    @Transactional
    Map<String, Object> applyReopen(long id, String reason, String actor) {
        Ticket ticket = tickets.lock(id).orElseThrow(() -> new TicketNotFoundException(id));
        Instant now = now();
        audited(id, () -> tickets.reopen(id, now));
        tickets.addMessage(id, "CUSTOMER", customerOf(ticket).name(), reason, now);
        SlaTargets sla = policies.sla(ticket.priority());
        BusinessCalendar calendar = policies.calendarOf(sla.roundTheClock());
        Instant due = SlaClocks.due(calendar, now, sla.resolution(), Duration.ZERO);
        Instant warnAt = SlaClocks.warnAt(calendar, now, sla.resolution(), Duration.ZERO, sla.warningPercent());
        tickets.startClock(id, ClockKind.RESOLUTION, sla, now, due, warnAt);
        tickets.recordEvent(id, "REOPENED", "reopen #" + (ticket.reopenCount() + 1) + ": " + reason + "; resolution due " + shown(due),
                actor, now);
        return Map.of("level", SupportLevel.L2.name(), "resolutionDue", Date.from(due), "resolutionWarningAt", Date.from(warnAt));
    }

    // ------------------------------------------------------------------------------------------ clocks

    private void pauseResolution(Ticket ticket, Instant now) {
        tickets.pauseClock(ticket.id(), ClockKind.RESOLUTION, now);
        tickets.recordEvent(ticket.id(), "CLOCK_PAUSED", "resolution clock paused: waiting on the customer", "process", now);
        correlate(ticket, MESSAGE_PAUSED, Map.of());
    }

    /** The due time moves by the business time spent paused: a pause outside business hours moves nothing. */
    private void resumeResolution(Ticket ticket, Instant now) {
        SlaClock clock = tickets.clock(ticket.id(), ClockKind.RESOLUTION);
        if (clock.state() != ClockState.PAUSED) {
            return;
        }
        BusinessCalendar calendar = policies.calendarOf(clock.roundTheClock());
        Duration pausedNow = calendar.businessTimeBetween(clock.pausedSince(), now);
        Duration paused = clock.paused().plus(pausedNow);
        Instant due = SlaClocks.due(calendar, clock.startedAt(), clock.target(), paused);
        Instant warnAt = SlaClocks.warnAt(calendar, clock.startedAt(), clock.target(), paused, clock.warningPercent());
        tickets.resumeClock(ticket.id(), ClockKind.RESOLUTION, paused, due, warnAt);
        tickets.recordEvent(ticket.id(), "CLOCK_RESUMED", "resolution clock resumed after " + pausedNow.toMinutes()
                + " business minutes paused; due " + shown(due), "process", now);
        correlate(ticket, MESSAGE_RESUMED, Map.of("resolutionDue", Date.from(due), "resolutionWarningAt", Date.from(warnAt)));
    }

    /** Meets the first-response clock if it still runs; the caller tells the process (variable {@code firstResponseMet}). */
    private boolean meetFirstResponse(Ticket ticket, Instant now) {
        SlaClock clock = tickets.clock(ticket.id(), ClockKind.FIRST_RESPONSE);
        if (clock.state() != ClockState.RUNNING) {
            return false;
        }
        tickets.endClock(ticket.id(), ClockKind.FIRST_RESPONSE, ClockState.MET, clock.paused(), now);
        tickets.recordEvent(ticket.id(), "FIRST_RESPONSE", "first response after " + elapsed(clock, now).toMinutes()
                + " business minutes (due " + shown(clock.dueAt()) + ")", "process", now);
        return true;
    }

    private void endClock(long id, ClockKind kind, Instant now) {
        SlaClock clock = tickets.clock(id, kind);
        Duration paused = clock.state() == ClockState.PAUSED
                ? clock.paused().plus(policies.calendarOf(clock.roundTheClock()).businessTimeBetween(clock.pausedSince(), now))
                : clock.paused();
        tickets.endClock(id, kind, clock.state() == ClockState.BREACHED ? ClockState.BREACHED : ClockState.MET, paused, now);
    }

    private Duration elapsed(SlaClock clock, Instant now) {
        Instant until = clock.endedAt() != null ? clock.endedAt() : clock.pausedSince() != null ? clock.pausedSince() : now;
        return policies.calendarOf(clock.roundTheClock()).businessTimeBetween(clock.startedAt(), until).minus(clock.paused());
    }

    private ClockView clockView(SlaClock clock, Instant now) {
        Duration pausedSoFar = clock.pausedSince() == null ? clock.paused()
                : clock.paused().plus(policies.calendarOf(clock.roundTheClock()).businessTimeBetween(clock.pausedSince(), now));
        return new ClockView(clock.kind(), clock.target(), clock.roundTheClock() ? "24x7" : "business-hours", clock.startedAt(),
                clock.dueAt(), clock.warnAt(), elapsed(clock, now), pausedSoFar, clock.state());
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** A change of the ticket, with the fields it changed in the audit log under whoever made it. */
    private void audited(long id, Runnable change) {
        Ticket before = get(id);
        change.run();
        audit.recordChanges(audit.currentActor(), "ticket", id, before, get(id), AUDITED);
    }

    private Ticket get(long id) {
        return tickets.findById(id).orElseThrow(() -> new TicketNotFoundException(id));
    }

    /** A ticket the actor may work on, locked for this transaction; others look like tickets that do not exist. */
    private Ticket workable(long id, TicketActor actor) {
        Ticket ticket = tickets.lock(id).orElseThrow(() -> new TicketNotFoundException(id));
        if (!actor.mayWork(customerOf(ticket))) {
            throw new TicketNotFoundException(id);
        }
        return ticket;
    }

    private CustomerCard customerOf(Ticket ticket) {
        return customers.card(ticket.customerId()).orElseThrow();
    }

    private static void requireOpen(Ticket ticket) {
        if (ticket.status() == TicketStatus.RESOLVED || ticket.status() == TicketStatus.CLOSED) {
            throw new ConflictException("Ticket " + ticket.id() + " is " + ticket.status() + "; reopen it first");
        }
    }

    private Instant reopenUntil(Ticket ticket) {
        return ticket.resolvedAt().plus(Duration.ofDays(policies.sla(ticket.priority()).reopenWindowDays()));
    }

    private Task workTask(Ticket ticket) {
        Task task = taskService.createTaskQuery().processInstanceId(ticket.processInstanceId()).taskDefinitionKeyIn(L2_TASK, L3_TASK)
                .singleResult();
        if (task == null) {
            throw new ConflictException("Ticket " + ticket.id() + " is waiting for the customer's answer to the knowledge-base reply (L1)");
        }
        return task;
    }

    private void claimWorkTask(Ticket ticket, String userId) {
        taskService.createTaskQuery().processInstanceId(ticket.processInstanceId()).taskDefinitionKey(L2_TASK).taskUnassigned().list()
                .forEach(task -> taskService.setAssignee(task.getId(), userId));
    }

    private void completeWorkTask(Ticket ticket, Task task, TicketActor actor, Map<String, Object> variables) {
        String someoneWasFaster = "Ticket " + ticket.id() + " was handled by someone else a moment ago";
        try {
            // Claimed first, so the task's history shows who did it, as when it is completed in Tasklist.
            taskService.setAssignee(task.getId(), actor.userId());
        } catch (NullValueException completedMeanwhile) {
            throw new ConflictException(someoneWasFaster);
        }
        TaskCompletion.complete(taskService, task.getId(), variables, someoneWasFaster);
    }

    private void correlate(Ticket ticket, String message, Map<String, Object> variables) {
        runtime.createMessageCorrelation(message).processInstanceId(ticket.processInstanceId()).setVariables(variables).correlateWithResult();
    }

    private String conversation(long id) {
        return tickets.messages(id).stream()
                .map(message -> "[" + shown(message.at()) + " " + message.authorKind() + " " + message.author() + "] " + message.body())
                .collect(Collectors.joining("\n"));
    }

    private TicketView view(long id) {
        Ticket ticket = get(id);
        Instant now = now();
        List<ClockView> clocks = tickets.clocks(id).stream().map(clock -> clockView(clock, now)).toList();
        return new TicketView(ticket.id(), customerOf(ticket), ticket.severity(), ticket.channel(), ticket.subject(), ticket.description(),
                ticket.priority(), ticket.status(), ticket.level(), ticket.assignee(), ticket.breached(), ticket.reopenCount(),
                ticket.answeredByArticle(), ticket.resolution(), ticket.resolvedAt(), ticket.closedAt(), ticket.csat(),
                due(clocks, ClockKind.FIRST_RESPONSE), due(clocks, ClockKind.RESOLUTION), clocks, tickets.messages(id),
                ticket.ruleSetVersion(), ticket.processInstanceId(), ticket.createdBy(), ticket.createdAt());
    }

    private static Instant due(List<ClockView> clocks, ClockKind kind) {
        return clocks.stream().filter(clock -> clock.clock() == kind).map(ClockView::due).findFirst().orElse(null);
    }

    private String shown(Instant instant) {
        ZoneId zone = policies.calendarOf(false).zone();
        return SHOWN.format(instant.atZone(zone));
    }

    /** A ticket's audit history is readable to whoever may see the ticket. */
    @Override
    public String entity() {
        return "ticket";
    }

    @Override
    public void requireVisible(long id, Authentication caller) {
        visible(id, TicketActor.of(caller));
    }
}

package io.crmflow.opportunity;

import static io.crmflow.process.EngineClock.now;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.crmflow.audit.AuditedRecords;
import io.crmflow.notify.Channel;
import io.crmflow.notify.Notification;
import io.crmflow.notify.Notifications;
import io.crmflow.process.RetriedOnConcurrentChange;
import io.crmflow.team.Region;
import io.crmflow.team.SalesTeam;
import io.crmflow.process.TaskCompletion;
import io.crmflow.web.ConflictException;
import io.crmflow.web.ForbiddenException;
import io.crmflow.web.InvalidRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opportunities and their way through the stages of docs/product.md §3.5, carried by the {@code opportunity} process. */
@Service
@RetriedOnConcurrentChange
public class OpportunityService implements AuditedRecords {

    public static final String PROCESS_KEY = "opportunity";
    static final String STAGE_TASK = "Task_AdvanceStage";
    private static final String NO_DETAILS = "activity";

    private final OpportunityRepository opportunities;
    private final StagePolicies policies;
    private final SalesTeam team;
    private final Notifications notifications;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final OpportunityAccess access;
    private final ApprovedQuotes approvedQuotes;
    private final ApprovedContracts approvedContracts;
    private final ApplicationEventPublisher events;

    OpportunityService(OpportunityRepository opportunities, StagePolicies policies, SalesTeam team, Notifications notifications,
                       RuntimeService runtime, TaskService taskService, OpportunityAccess access, ApprovedQuotes approvedQuotes,
                       ApprovedContracts approvedContracts, ApplicationEventPublisher events) {
        this.opportunities = opportunities;
        this.policies = policies;
        this.team = team;
        this.notifications = notifications;
        this.runtime = runtime;
        this.taskService = taskService;
        this.access = access;
        this.approvedQuotes = approvedQuotes;
        this.approvedContracts = approvedContracts;
        this.events = events;
    }

    /**
     * Opens the opportunity of a qualified lead at the first stage and starts its process. A second call for the same
     * lead (a retried job) returns the opportunity opened the first time.
     */
    @Transactional
    public OpenedOpportunity openFromLead(QualifiedLead lead) {
        var existing = opportunities.findByLeadId(lead.leadId());
        if (existing.isPresent()) {
            return new OpenedOpportunity(existing.get().id(), existing.get().stage().name(), existing.get().processInstanceId());
        }
        StagePolicy first = policies.of(OpportunityStage.INITIAL_CONTACT);
        Instant now = now();
        long id = opportunities.insert(lead.leadId(), lead.company() == null ? lead.name() : lead.company(), lead.company(),
                lead.ownerId(), lead.region(), lead.productLine(), null, first, now);
        opportunities.recordEvent(id, "OPENED", "from lead " + lead.leadId() + (lead.note() == null ? "" : ": " + lead.note()),
                lead.ownerId(), now);
        return new OpenedOpportunity(id, first.stage().name(), startProcess(id, lead.ownerId()));
    }

    /** The opportunities of a company (exact name), newest first: the customer history shown to the service desk. */
    @Transactional(readOnly = true)
    public List<CompanyOpportunity> ofCompany(String company) {
        return opportunities.findByCompany(company).stream()
                .map(o -> new CompanyOpportunity(o.id(), o.name(), o.stage().name(), o.amount(), o.ownerId())).toList();
    }

    @Transactional
    Opportunity create(NewOpportunity request, OpportunityAccess.Viewer viewer) {
        String owner = request.owner() == null ? viewer.userId() : request.owner();
        if (!owner.equals(viewer.userId()) && !viewer.manages(request.region().name())) {
            throw new ForbiddenException("Only the manager of region " + request.region() + " can enter opportunities for others");
        }
        if (team.activeReps().stream().noneMatch(rep -> rep.userId().equals(owner) && rep.regions().contains(request.region()))) {
            throw new InvalidRequestException("owner", "'" + owner + "' is not an active sales rep of region " + request.region());
        }
        StagePolicy first = policies.of(OpportunityStage.INITIAL_CONTACT);
        Instant now = now();
        long id = opportunities.insert(null, request.name().trim(), request.company(), owner, request.region().name(),
                request.productLine() == null ? null : request.productLine().name(), request, first, now);
        opportunities.recordEvent(id, "OPENED", "entered by " + viewer.userId(), viewer.userId(), now);
        startProcess(id, owner);
        if (request.company() != null && !request.company().isBlank()) {
            events.publishEvent(new OpportunityEntered(id, request.company(), viewer.userId()));
        }
        return get(id);
    }

    String startProcess(long id, String owner) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("opportunityId", id);
        variables.put("owner", owner);
        String processInstanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(id), variables).getId();
        opportunities.attachProcess(id, processInstanceId);
        return processInstanceId;
    }

    @Transactional(readOnly = true)
    public Opportunity get(long id) {
        return opportunities.findById(id).orElseThrow(() -> new OpportunityNotFoundException(id));
    }

    /** An opportunity the viewer may see; any other id looks exactly like one that does not exist. */
    @Transactional(readOnly = true)
    Opportunity visible(long id, OpportunityAccess.Viewer viewer) {
        Opportunity opportunity = get(id);
        if (!viewer.canSee(opportunity)) {
            throw new OpportunityNotFoundException(id);
        }
        return opportunity;
    }

    /** For features built on opportunities (quotes): the same row rules as {@code GET /api/opportunities/{id}}. */
    @Transactional(readOnly = true)
    public Opportunity visibleTo(long id, Authentication user) {
        return visible(id, access.viewer(user));
    }

    /** Something happened to the opportunity elsewhere (a quote was submitted or decided): on its timeline, and it counts as an update. */
    @Transactional
    public void recordActivity(long id, String type, String detail, String actor) {
        Instant now = now();
        opportunities.recordDetails(id, OpportunityDetails.NONE, now, actor);
        opportunities.recordEvent(id, type, detail, actor, now);
    }

    @Transactional(readOnly = true)
    List<Opportunity> list(OpportunityAccess.Viewer viewer, OpportunityStage stage, Boolean idleFlagged, int limit, int offset) {
        return opportunities.findVisible(viewer.userId(), viewer.admin(), viewer.managedRegions(), stage, idleFlagged, limit, offset);
    }

    @Transactional(readOnly = true)
    List<OpportunityEvent> timeline(long id) {
        return opportunities.events(id);
    }

    @Transactional
    Opportunity recordDetails(long id, OpportunityDetails details, OpportunityAccess.Viewer viewer) {
        Opportunity opportunity = visible(id, viewer);
        requireOpen(opportunity);
        Instant now = now();
        opportunities.recordDetails(id, details, now, viewer.userId());
        opportunities.recordEvent(id, "UPDATED", describe(details), viewer.userId(), now);
        return get(id);
    }

    /**
     * {@code POST /api/opportunities/{id}/stage}: checks the move like the process will, then completes the stage task
     * with it, so the API and Tasklist move stages through the same process step ({@link #applyMove}).
     */
    @Transactional
    Opportunity requestMove(long id, StageMove move, OpportunityAccess.Viewer viewer) {
        Opportunity opportunity = visible(id, viewer);
        requireOpen(opportunity);
        // Recorded here so that the check sees them; a refused move rolls them back with the transaction.
        opportunities.recordDetails(id, move.detailsOrNone(), now(), viewer.userId());
        check(get(id), move);
        completeStageTask(opportunity, move, viewer.userId());
        return get(id);
    }

    /**
     * A stage move made by another feature's process (an approved contract wins the opportunity): through the stage
     * task like every other move, so that the exit needs are checked and the timeline shows it.
     */
    @Transactional
    public void moveOnBehalfOf(long id, OpportunityStage stage, String actor) {
        Opportunity opportunity = get(id);
        requireOpen(opportunity);
        completeStageTask(opportunity, new StageMove(stage, null, null, null), actor);
    }

    private void completeStageTask(Opportunity opportunity, StageMove move, String actor) {
        Task task = taskService.createTaskQuery().processInstanceId(opportunity.processInstanceId()).taskDefinitionKey(STAGE_TASK)
                .singleResult();
        if (task == null) {
            throw new ConflictException("Opportunity " + opportunity.id() + " has no open stage task");
        }
        TaskCompletion.complete(taskService, task.getId(), StageMoveVariables.of(move, actor),
                "Opportunity " + opportunity.id() + " was moved by someone else a moment ago");
    }

    /** The process step "Move stage": records what came with the move, checks the stage's exit needs, enters the stage. */
    @Transactional
    OpportunityStage applyMove(long id, StageMove move, String actor) {
        Opportunity opportunity = get(id);
        requireOpen(opportunity);
        Instant now = now();
        opportunities.recordDetails(id, move.detailsOrNone(), now, actor);
        if (move.details() != null && !describe(move.details()).equals(NO_DETAILS)) {
            opportunities.recordEvent(id, "UPDATED", describe(move.details()), actor, now);
        }
        check(get(id), move);
        StagePolicy entered = policies.of(move.stage());
        opportunities.enterStage(id, entered, move.lossReason(), move.lossNote(), now, actor);
        opportunities.recordEvent(id, "STAGE_CHANGED", opportunity.stage() + " → " + move.stage() + " (" + entered.winProbability() + " %)"
                + (move.lossReason() == null ? "" : ", reason " + move.lossReason() + (move.lossNote() == null ? "" : ": " + move.lossNote())),
                actor, now);
        return move.stage();
    }

    /** Variables the process needs for the stage it is in: task name, idle timer cycle. */
    @Transactional(readOnly = true)
    Map<String, Object> stageVariables(long id) {
        Opportunity opportunity = get(id);
        StagePolicy policy = policies.of(opportunity.stage());
        Map<String, Object> variables = new HashMap<>();
        variables.put("opportunityName", opportunity.name());
        variables.put("stage", opportunity.stage().name());
        variables.put("stageLabel", policy.label());
        variables.put("winProbability", policy.winProbability());
        variables.put("nextStage", policy.nextStage() == null ? null : policy.nextStage().name());
        variables.put("nextStageLabel", policy.nextStage() == null ? null : policies.of(policy.nextStage()).label());
        variables.put("exitNeeds", new TreeSet<>(policy.exitNeeds()).stream().map(need -> Opportunity.NEED_LABELS.getOrDefault(need, need))
                .collect(Collectors.joining("; ")));
        variables.put("idleCycle", policy.idleCycle());
        // The form shows what is recorded so far, to complete or correct.
        variables.put("contactPerson", opportunity.contactPerson());
        variables.put("firstMeetingNote", opportunity.firstMeetingNote());
        variables.put("requirementSummary", opportunity.requirementSummary());
        variables.put("budget", opportunity.budget() == null ? null : opportunity.budget().doubleValue());
        variables.put("decisionMaker", opportunity.decisionMaker());
        variables.put("amount", opportunity.amount() == null ? null : opportunity.amount().doubleValue());
        variables.put("expectedCloseDate", opportunity.expectedCloseDate() == null ? null : opportunity.expectedCloseDate().toString());
        return variables;
    }

    /** An idle period of the stage has passed: was there activity in it, and if not, who has to hear about it? */
    @Transactional
    IdleAction checkIdle(long id) {
        Opportunity opportunity = get(id);
        StagePolicy policy = policies.of(opportunity.stage());
        Instant now = now();
        if (policy.idleReminderDays() == null
                || opportunity.lastActivityAt().isAfter(now.minus(Duration.ofDays(policy.idleReminderDays())))) {
            opportunities.recordIdlePeriod(id, 0, opportunity.idleFlagged(), now);
            return IdleAction.NONE;
        }
        int periods = opportunity.idlePeriods() + 1;
        IdleAction action = periods == 1 ? IdleAction.OWNER_TASK : periods == 2 ? IdleAction.MANAGER_BOARD : IdleAction.STILL_FLAGGED;
        opportunities.recordIdlePeriod(id, periods, periods >= 2, now);
        String idleFor = periods * policy.idleReminderDays() + " days without an update in " + opportunity.stage();
        if (action == IdleAction.OWNER_TASK) {
            opportunities.recordEvent(id, "IDLE_REMINDER", idleFor + ": follow-up task for " + opportunity.ownerId(), "process", now);
            notifications.send(new Notification(Channel.IM, opportunity.ownerId(), "商机停滞 Opportunity idle: " + opportunity.name(),
                    idleFor, "opportunity:" + id));
        } else if (action == IdleAction.MANAGER_BOARD) {
            String manager = team.managerOf(Region.valueOf(opportunity.region())).orElse("admin");
            opportunities.recordEvent(id, "IDLE_FLAGGED", idleFor + ": on the board of " + manager, "process", now);
            notifications.send(new Notification(Channel.IM, manager, "商机停滞 Idle opportunity of " + opportunity.ownerId() + ": "
                    + opportunity.name(), idleFor, "opportunity:" + id));
        }
        return action;
    }

    @Transactional
    void recordFollowUp(long id, String note, String actor) {
        Instant now = now();
        opportunities.recordDetails(id, OpportunityDetails.NONE, now, actor);
        opportunities.recordEvent(id, "FOLLOW_UP", note, actor, now);
    }

    /** The move's target must be the next stage (exit needs met) or LOST (with a reason). */
    private void check(Opportunity opportunity, StageMove move) {
        if (move.stage() == OpportunityStage.LOST) {
            if (move.lossReason() == null) {
                throw new InvalidRequestException("lossReason", "Moving to LOST needs a loss reason: " + List.of(LossReason.values()));
            }
            return;
        }
        StagePolicy current = policies.of(opportunity.stage());
        if (move.stage() != current.nextStage()) {
            throw new InvalidRequestException("stage", "From " + opportunity.stage() + " an opportunity moves to "
                    + current.nextStage() + " or LOST, not to " + move.stage());
        }
        List<String> missing = current.exitNeeds().stream().filter(need -> !opportunity.has(need, approvedQuotes, approvedContracts)).sorted().toList();
        if (!missing.isEmpty()) {
            // Named for people (Tasklist shows this when the stage form is completed too early) and for API clients.
            throw new InvalidRequestException("details", "To leave " + current.label() + " (" + opportunity.stage() + ") record first: " + missing.stream()
                    .map(need -> Opportunity.NEED_LABELS.containsKey(need) ? Opportunity.NEED_LABELS.get(need) + " (" + need + ")" : need)
                    .collect(Collectors.joining(", ")));
        }
    }

    private static void requireOpen(Opportunity opportunity) {
        if (opportunity.stage().isClosed()) {
            throw new ConflictException("Opportunity " + opportunity.id() + " is closed (" + opportunity.stage() + ")");
        }
    }

    private static String describe(OpportunityDetails details) {
        StringBuilder text = new StringBuilder();
        append(text, "amount", details.amount());
        append(text, "expected close", details.expectedCloseDate());
        append(text, "contact", details.contactPerson());
        append(text, "first meeting", details.firstMeetingNote());
        append(text, "requirements", details.requirementSummary());
        append(text, "budget", details.budget());
        append(text, "decision maker", details.decisionMaker());
        return text.isEmpty() ? NO_DETAILS : text.toString();
    }

    private static void append(StringBuilder text, String label, Object value) {
        if (value != null && !value.toString().isBlank()) {
            text.append(text.isEmpty() ? "" : "; ").append(label).append(": ").append(value);
        }
    }

    /** An opportunity's audit history is readable to whoever may see the opportunity. */
    @Override
    public String entity() {
        return "opportunity";
    }

    @Override
    public void requireVisible(long id, Authentication caller) {
        visibleTo(id, caller);
    }
}

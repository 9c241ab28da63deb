package io.crmflow.lead;

import static io.crmflow.process.EngineClock.now;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.crmflow.calendar.BusinessCalendars;
import io.crmflow.opportunity.OpenedOpportunity;
import io.crmflow.opportunity.OpportunityService;
import io.crmflow.opportunity.QualifiedLead;
import io.crmflow.process.RetriedOnConcurrentChange;
import io.crmflow.team.Region;
import io.crmflow.team.SalesRep;
import io.crmflow.team.SalesTeam;
import io.crmflow.process.TaskCompletion;
import io.crmflow.web.ConflictException;
import io.crmflow.web.ForbiddenException;
import io.crmflow.web.InvalidRequestException;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lead intake and the lead's life in the qualification process. */
@Service
@RetriedOnConcurrentChange
public class LeadService {

    public static final String PROCESS_KEY = "lead-qualification";

    private final LeadRepository leads;
    private final LeadHistory history;
    private final LeadScoring scoring;
    private final LeadAssignment assignment;
    private final BusinessCalendars calendars;
    private final SalesTeam team;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final OpportunityService opportunities;
    private final MeterRegistry meters;

    LeadService(LeadRepository leads, LeadHistory history, LeadScoring scoring, LeadAssignment assignment,
                BusinessCalendars calendars, SalesTeam team, RuntimeService runtime, TaskService taskService,
                OpportunityService opportunities, MeterRegistry meters) {
        this.meters = meters;
        this.leads = leads;
        this.history = history;
        this.scoring = scoring;
        this.assignment = assignment;
        this.calendars = calendars;
        this.team = team;
        this.runtime = runtime;
        this.taskService = taskService;
        this.opportunities = opportunities;
    }

    /** A retry of a known external id, or a duplicate of an open lead (noted on its history): the lead it already is. */
    protected Optional<LeadSubmission> alreadyKnown(NewLead submitted, String actor, Instant now) {
        if (submitted.externalId() != null) {
            var existing = leads.findByExternalId(submitted.externalId());
            if (existing.isPresent()) {
                return Optional.of(new LeadSubmission(existing.get(), LeadSubmission.Kind.REPEATED));
            }
        }
        var duplicate = leads.findOpenDuplicate(submitted);
        if (duplicate.isPresent()) {
            history.recordEvent(duplicate.get().id(), "DUPLICATE_SUBMISSION", describe(submitted), actor, now);
            return Optional.of(new LeadSubmission(duplicate.get(), LeadSubmission.Kind.DUPLICATE));
        }
        return Optional.empty();
    }

    /**
     * Receives a lead: a retry of a known external id or a duplicate of an open lead returns that lead; anything else
     * is scored, stored and starts its qualification process, all in one transaction.
     */
    @Transactional
    public LeadSubmission submit(NewLead submitted, String actor) {
        Instant now = now();
        Optional<LeadSubmission> known = alreadyKnown(submitted, actor, now);
        if (known.isPresent()) {
            return known.get();
        }
        LeadScore score = scoring.score(submitted);
        long id = leads.insert(submitted, score.score(), score.grade(), actor, now);
        history.recordEvent(id, "CREATED", describe(submitted), actor, now);
        recordScore(id, "SCORE", score, now);

        // Only what the engine itself works with: the lead row holds the rest, and the task forms read it from there
        // (ContactDetailsInTaskForms). Every variable costs a runtime row and history rows (BENCHMARKS.md, issue 25).
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("leadId", id);
        // The tasks' names in Tasklist ("Contact lead: <company> (<grade>, <score>)", the BPMN's title properties).
        variables.put("company", submitted.company());
        // The candidate of the pool's dispatch task and of the stalled-lead review.
        variables.put("regionManager", regionManager(submitted.region()));
        variables.putAll(score.processVariables());
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(id), variables);
        leads.attachProcess(id, instance.getId());
        meters.counter("crmflow.leads.created", "source", submitted.source().name()).increment();
        return new LeadSubmission(get(id), LeadSubmission.Kind.CREATED);
    }

    @Transactional(readOnly = true)
    public Lead get(long id) {
        return leads.findById(id).orElseThrow(() -> new LeadNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public Lead getByExternalId(String externalId) {
        return leads.findByExternalId(externalId).orElseThrow(() -> new IllegalStateException("No lead with external id " + externalId));
    }

    @Transactional(readOnly = true)
    public List<LeadDecision> decisions(long id) {
        get(id);
        return history.decisions(id);
    }

    @Transactional(readOnly = true)
    public List<LeadEvent> timeline(long id) {
        get(id);
        return history.events(id);
    }

    /** Assigns the lead by the rules, or puts it in its region's pool; records the decision and the deadline. */
    @Transactional
    Assignment assign(long leadId, Set<String> excludedOwners, int followUpBusinessHours) {
        Instant now = now();
        Lead lead = get(leadId);
        LeadAssignment.Result result = assignment.decide(lead, excludedOwners);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("region", lead.region().name());
        inputs.put("productLine", lead.productLine() == null ? null : lead.productLine().name());
        inputs.put("industry", lead.industry() == null ? null : lead.industry().name());
        inputs.put("excludedOwners", List.copyOf(excludedOwners));
        inputs.put("unavailable", result.unavailable());
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("eligible", result.eligible().stream()
                .map(rep -> Map.of("userId", rep.getUserId(), "match", rep.getMatch(), "openLeads", rep.getOpenLeads()))
                .sorted((a, b) -> ((String) a.get("userId")).compareTo((String) b.get("userId"))).toList());
        Assignment decided;
        if (result.winner().isPresent()) {
            String owner = result.winner().get().getUserId();
            Instant due = calendars.addBusinessHours(now, followUpBusinessHours);
            leads.assign(leadId, owner, due, now, "rules@" + result.firing().ruleSetVersion());
            outputs.put("owner", owner);
            outputs.put("match", result.winner().get().getMatch());
            outputs.put("followUpDue", due.toString());
            history.recordEvent(leadId, "ASSIGNED", "to " + owner + " (match " + result.winner().get().getMatch()
                    + " %), contact due " + due, "rules@" + result.firing().ruleSetVersion(), now);
            decided = new Assignment(owner, due);
        } else {
            String manager = regionManager(lead.region());
            leads.moveToPool(leadId, now, "rules@" + result.firing().ruleSetVersion());
            outputs.put("pool", lead.region().name());
            outputs.put("poolManager", manager);
            history.recordEvent(leadId, "POOLED", "no eligible rep; in the " + lead.region() + " pool, dispatch by " + manager,
                    "rules@" + result.firing().ruleSetVersion(), now);
            decided = new Assignment(null, null);
        }
        history.recordDecision(leadId, "ASSIGNMENT", inputs, outputs, result.firing().firedRules(), result.firing().ruleSetVersion(), now);
        return decided;
    }

    /**
     * Hands a pool lead to a rep (the manager's dispatch task, or a rep's claim); only an active rep can take it, and
     * only one taker wins when several try at once.
     */
    @Transactional
    Assignment dispatch(long leadId, String repId, int followUpBusinessHours, String actor) {
        Instant now = now();
        boolean knownRep = team.activeReps().stream().anyMatch(rep -> rep.userId().equals(repId));
        if (!knownRep) {
            throw new InvalidRequestException("rep", "'" + repId + "' is not an active sales rep");
        }
        Instant due = calendars.addBusinessHours(now, followUpBusinessHours);
        if (!leads.assignFromPool(leadId, repId, due, now, actor)) {
            throw new ConflictException("Lead " + leadId + " is no longer in the pool");
        }
        history.recordEvent(leadId, "DISPATCHED", "to " + repId + ", contact due " + due, actor, now);
        return new Assignment(repId, due);
    }

    /** One SELECT: no transaction around it, which would only add its BEGIN and a COMMIT round trip (bench/auth.sh). */
    public List<Lead> list(LeadAccess.Viewer viewer, LeadStatus status, Region region, String owner, int limit, int offset) {
        return leads.findVisible(viewer, status, region, owner, limit, offset);
    }

    /** A lead the viewer may see; any other id looks exactly like one that does not exist. */
    @Transactional(readOnly = true)
    Lead visibleLead(long id, LeadAccess.Viewer viewer) {
        Lead lead = get(id);
        if (!viewer.canSee(lead)) {
            throw new LeadNotFoundException(id);
        }
        return lead;
    }

    /**
     * A rep takes a lead from the pool of their region if the assignment rules find them eligible for it (match, capacity,
     * not a previous owner); the check is recorded as a decision like any automatic assignment.
     */
    @Transactional
    Lead claim(long id, LeadAccess.Viewer viewer) {
        Lead lead = get(id);
        if (!viewer.isRepIn(lead.region())) {
            visibleLead(id, viewer);
            throw new ForbiddenException("Only sales reps of region " + lead.region() + " can claim its pool leads");
        }
        if (lead.status() != LeadStatus.IN_POOL) {
            // A rep of the region saw it in the pool a moment ago: "someone was faster", not "no such lead".
            throw new ConflictException("Lead " + id + " is no longer in the pool");
        }
        String claimant = viewer.userId();
        Set<String> previousOwners = ProcessVariables.previousOwners((String) runtime.getVariable(lead.processInstanceId(), "previousOwners"));
        LeadAssignment.Result result = assignment.decide(lead, previousOwners, List.of(claimant));
        int match = result.matchOf(claimant);
        if (result.eligible().stream().noneMatch(rep -> rep.getUserId().equals(claimant))) {
            String why = previousOwners.contains(claimant) ? "already let this lead lapse once"
                    : result.unavailable().contains(claimant) ? "out of office today"
                    : "match " + match + " % (eligible from 82 %) with " + leads.openLeadsByOwner().getOrDefault(claimant, 0)
                    + " open leads (capacity " + team.rep(claimant).map(SalesRep::capacity).orElse(0) + ")";
            throw new InvalidRequestException("lead", claimant + " is not eligible for lead " + id + ": " + why);
        }
        Instant now = now();
        history.recordDecision(id, "CLAIM", Map.of("claimant", claimant, "region", lead.region().name(),
                        "excludedOwners", List.copyOf(previousOwners), "unavailable", result.unavailable()), Map.of("eligible", true, "match", match),
                result.firing().firedRules(), result.firing().ruleSetVersion(), now);
        completeDispatch(lead, claimant);
        return get(id);
    }

    /** A region's manager hands a pool lead to a rep, the same as completing the dispatch task in Tasklist. */
    @Transactional
    Lead dispatchByManager(long id, String repId, LeadAccess.Viewer viewer) {
        Lead lead = visibleLead(id, viewer);
        if (!viewer.manages(lead.region())) {
            throw new ForbiddenException("Only the manager of region " + lead.region() + " can dispatch its leads");
        }
        completeDispatch(lead, repId);
        return get(id);
    }

    private void completeDispatch(Lead lead, String repId) {
        Task task = taskService.createTaskQuery().processInstanceId(lead.processInstanceId())
                .taskDefinitionKey(LeadStep.DISPATCH.taskKey()).singleResult();
        if (task == null || lead.status() != LeadStatus.IN_POOL) {
            throw new ConflictException("Lead " + lead.id() + " is not in the pool (status " + lead.status() + ")");
        }
        TaskCompletion.complete(taskService, task.getId(), Map.of("dispatchTo", repId),
                "Lead " + lead.id() + " was taken from the pool by someone else a moment ago");
    }

    /** The owner reached the lead; returns the deadline for qualifying it. */
    @Transactional
    Instant recordContact(long leadId, String channel, String note, String actor, int qualifyBusinessHours) {
        Instant now = now();
        leads.changeStatus(leadId, LeadStatus.CONTACTED, now, actor);
        history.recordEvent(leadId, "CONTACTED", channel + ": " + note, actor, now);
        return calendars.addBusinessHours(now, qualifyBusinessHours);
    }

    /** The owner let the follow-up deadline pass: the lead goes back to the pool, to be assigned to someone else. */
    @Transactional
    void reclaim(long leadId, String owner, int reclaimCount) {
        Instant now = now();
        leads.moveToPool(leadId, now, "process");
        history.recordEvent(leadId, "RECLAIMED", "from " + owner + ": not contacted by the deadline (reclaim " + reclaimCount + ")",
                "process", now);
    }

    /** Nurturing reached its end: the lead is scored again on its current data. */
    @Transactional
    LeadScore rescore(long leadId) {
        Instant now = now();
        LeadScore score = scoring.score(get(leadId));
        leads.changeScore(leadId, score.score(), score.grade(), now, "rules@" + score.outcome().ruleSetVersion());
        recordScore(leadId, "RESCORE", score, now);
        return score;
    }

    @Transactional
    Long recordOutcome(long leadId, LeadOutcome outcome, String detail, String actor) {
        Instant now = now();
        leads.changeStatus(leadId, outcome.status(), now, actor);
        history.recordEvent(leadId, outcome.name(), detail, actor, now);
        if (outcome != LeadOutcome.QUALIFIED) {
            return null;
        }
        Lead lead = get(leadId);
        // The opportunity is the owner's even when their manager recorded the outcome for them.
        OpenedOpportunity opportunity = opportunities.openFromLead(new QualifiedLead(leadId, lead.name(), lead.company(), lead.ownerId(),
                lead.region().name(), lead.productLine() == null ? null : lead.productLine().name(), detail));
        history.recordEvent(leadId, "CONVERTED", "opportunity " + opportunity.id() + " at " + opportunity.stage()
                + (opportunity.processStarted() ? "" : " (no opportunity process deployed yet)"), actor, now);
        return opportunity.id();
    }

    private void recordScore(long leadId, String kind, LeadScore score, Instant now) {
        history.recordDecision(leadId, kind, score.outcome().inputs(), score.outputs(), score.outcome().matchedRules(),
                score.outcome().ruleSetVersion(), now);
        history.recordEvent(leadId, kind.equals("SCORE") ? "SCORED" : "RESCORED", "score " + score.score() + ", grade " + score.grade(),
                "rules@" + score.outcome().ruleSetVersion(), now);
    }

    /** The manager who dispatches the region's pool; a region without one falls back to the administrator. */
    private String regionManager(Region region) {
        return team.managerOf(region).orElse("admin");
    }

    private static String describe(NewLead lead) {
        return lead.name() + (lead.company() == null ? "" : " / " + lead.company()) + " via " + lead.source();
    }
}

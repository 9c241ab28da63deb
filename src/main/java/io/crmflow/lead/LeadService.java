package io.crmflow.lead;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.crmflow.calendar.BusinessCalendars;
import io.crmflow.team.SalesTeam;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lead intake and the lead's life in the qualification process. */
@Service
public class LeadService {

    public static final String PROCESS_KEY = "lead-qualification";

    private final LeadRepository leads;
    private final LeadHistory history;
    private final LeadScoring scoring;
    private final LeadAssignment assignment;
    private final BusinessCalendars calendars;
    private final SalesTeam team;
    private final RuntimeService runtime;

    LeadService(LeadRepository leads, LeadHistory history, LeadScoring scoring, LeadAssignment assignment,
                BusinessCalendars calendars, SalesTeam team, RuntimeService runtime) {
        this.leads = leads;
        this.history = history;
        this.scoring = scoring;
        this.assignment = assignment;
        this.calendars = calendars;
        this.team = team;
        this.runtime = runtime;
    }

    /**
     * Receives a lead: a retry of a known external id or a duplicate of an open lead returns that lead; anything else
     * is scored, stored and starts its qualification process, all in one transaction.
     */
    @Transactional
    public LeadSubmission submit(NewLead submitted, String actor) {
        Instant now = now();
        if (submitted.externalId() != null) {
            var existing = leads.findByExternalId(submitted.externalId());
            if (existing.isPresent()) {
                return new LeadSubmission(existing.get(), LeadSubmission.Kind.REPEATED);
            }
        }
        var duplicate = leads.findOpenDuplicate(submitted);
        if (duplicate.isPresent()) {
            history.recordEvent(duplicate.get().id(), "DUPLICATE_SUBMISSION", describe(submitted), actor, now);
            return new LeadSubmission(duplicate.get(), LeadSubmission.Kind.DUPLICATE);
        }
        LeadScore score = scoring.score(submitted);
        long id = leads.insert(submitted, score.score(), score.grade(), actor, now);
        history.recordEvent(id, "CREATED", describe(submitted), actor, now);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("score", score.score());
        outputs.put("grade", score.grade());
        outputs.put("followUpBusinessHours", score.followUpBusinessHours());
        outputs.put("route", score.route());
        history.recordDecision(id, "SCORE", score.outcome().inputs(), outputs, score.outcome().matchedRules(),
                score.outcome().ruleSetVersion(), now);
        history.recordEvent(id, "SCORED", "score " + score.score() + ", grade " + score.grade(), "rules@" + score.outcome().ruleSetVersion(), now);

        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("leadId", id);
        variables.put("leadName", submitted.name().trim());
        variables.put("company", submitted.company());
        variables.put("email", submitted.email());
        variables.put("phone", submitted.phone());
        variables.put("source", submitted.source().name());
        variables.put("region", submitted.region().name());
        variables.put("score", score.score());
        variables.put("grade", score.grade());
        variables.put("route", score.route());
        variables.put("followUpBusinessHours", score.followUpBusinessHours());
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(id), variables);
        leads.attachProcess(id, instance.getId());
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
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("eligible", result.eligible().stream()
                .map(rep -> Map.of("userId", rep.getUserId(), "match", rep.getMatch(), "openLeads", rep.getOpenLeads()))
                .sorted((a, b) -> ((String) a.get("userId")).compareTo((String) b.get("userId"))).toList());
        Assignment decided;
        if (result.winner().isPresent()) {
            String owner = result.winner().get().getUserId();
            Instant due = calendars.addBusinessHours(now, followUpBusinessHours);
            leads.assign(leadId, owner, due, now);
            outputs.put("owner", owner);
            outputs.put("match", result.winner().get().getMatch());
            outputs.put("followUpDue", due.toString());
            history.recordEvent(leadId, "ASSIGNED", "to " + owner + " (match " + result.winner().get().getMatch()
                    + " %), contact due " + due, "rules@" + result.firing().ruleSetVersion(), now);
            decided = new Assignment(owner, due, null);
        } else {
            // A region without a manager still needs someone to dispatch: the administrator.
            String manager = team.managerOf(lead.region()).orElse("admin");
            leads.moveToPool(leadId, now);
            outputs.put("pool", lead.region().name());
            outputs.put("poolManager", manager);
            history.recordEvent(leadId, "POOLED", "no eligible rep; in the " + lead.region() + " pool, dispatch by " + manager,
                    "rules@" + result.firing().ruleSetVersion(), now);
            decided = new Assignment(null, null, manager);
        }
        history.recordDecision(leadId, "ASSIGNMENT", inputs, outputs, result.firing().firedRules(), result.firing().ruleSetVersion(), now);
        return decided;
    }

    /** A manager hands a pool lead to a rep; only an active rep of the team can take it. */
    @Transactional
    Assignment dispatch(long leadId, String repId, int followUpBusinessHours, String manager) {
        Instant now = now();
        boolean knownRep = team.activeReps().stream().anyMatch(rep -> rep.userId().equals(repId));
        if (!knownRep) {
            throw new IllegalArgumentException("'" + repId + "' is not an active sales rep");
        }
        Instant due = calendars.addBusinessHours(now, followUpBusinessHours);
        leads.assign(leadId, repId, due, now);
        history.recordEvent(leadId, "DISPATCHED", "to " + repId + ", contact due " + due, manager, now);
        return new Assignment(repId, due, null);
    }

    @Transactional
    void recordContact(long leadId, String channel, String note, String actor) {
        leads.changeStatus(leadId, LeadStatus.CONTACTED, now());
        history.recordEvent(leadId, "CONTACTED", channel + ": " + note, actor, now());
    }

    @Transactional
    void recordOutcome(long leadId, LeadStatus status, String detail, String actor) {
        leads.changeStatus(leadId, status, now());
        history.recordEvent(leadId, status.name(), detail, actor, now());
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private static String describe(NewLead lead) {
        return lead.name() + (lead.company() == null ? "" : " / " + lead.company()) + " via " + lead.source();
    }
}

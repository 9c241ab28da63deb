package io.crmflow.lead;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.crmflow.lead.assignment.AssignedRep;
import io.crmflow.lead.assignment.AssignmentLead;
import io.crmflow.lead.assignment.CandidateTeam;
import io.crmflow.lead.assignment.EligibleRep;
import io.crmflow.lead.assignment.EligibleReps;
import io.crmflow.lead.assignment.MatchQuery;
import io.crmflow.lead.assignment.RepCandidate;
import io.crmflow.lead.assignment.RepMatch;
import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.RuleFiring;
import io.crmflow.team.SalesRep;
import io.crmflow.team.SalesTeam;
import io.crmflow.team.StandIns;
import org.springframework.stereotype.Component;

/** Picks the rep for a lead by firing {@code rules/lead-assignment.drl} over the team's profiles and current load. */
@Component
class LeadAssignment {

    private final ActiveRuleSet rules;
    private final SalesTeam team;
    private final LeadRepository leads;
    private final StandIns standIns;
    /** The candidate last built per rep (decisions run concurrently; two building the same rep build equal ones). */
    private final Map<String, Candidate> candidates = new ConcurrentHashMap<>();

    LeadAssignment(ActiveRuleSet rules, SalesTeam team, LeadRepository leads, StandIns standIns) {
        this.rules = rules;
        this.team = team;
        this.leads = leads;
        this.standIns = standIns;
    }

    Result decide(Lead lead, Set<String> excludedOwners) {
        return decide(lead, excludedOwners, List.of());
    }

    /** As {@link #decide(Lead, Set)}, and also tells the match of the given reps, eligible or not. */
    Result decide(Lead lead, Set<String> excludedOwners, Collection<String> matchOf) {
        return decide(new AssignmentLead(lead.region().name(), nameOf(lead.productLine()), nameOf(lead.industry()), excludedOwners), matchOf);
    }

    /** The same for anything with a lead's profile, e.g. a record a handover needs a successor for. */
    Result decide(AssignmentLead lead, Collection<String> matchOf) {
        List<Object> facts = new ArrayList<>();
        matchOf.forEach(userId -> facts.add(new MatchQuery(userId)));
        facts.add(lead);
        // Read fresh for every decision (load and absences change all the time); the rule set's pooled session only
        // updates the reps that differ from what it holds, so it can never decide against a stale team.
        CandidateTeam candidates = todaysTeam();
        // Also as one fact: rule-set versions written before the team became standing facts walk it ("from $team.reps"),
        // and a rules owner may roll back to one of them.
        facts.add(candidates);
        RuleFiring firing = rules.current().fire(candidates.getReps(), facts);
        Optional<AssignedRep> winner = firing.factsOfType(AssignedRep.class).stream().findFirst();
        return new Result(winner, EligibleReps.in(firing), firing, candidates);
    }

    /** The active reps with their profiles, current open-lead load and availability today, as the assignment rules see them. */
    CandidateTeam todaysTeam() {
        Map<String, Integer> load = leads.openLeadsByOwner();
        Set<String> away = standIns.absentToday();
        return new CandidateTeam(team.activeReps().stream()
                .map(rep -> candidate(rep, load.getOrDefault(rep.userId(), 0), !away.contains(rep.userId())))
                .toList());
    }

    /**
     * The rep as the rules see it; the very object of the last decision while the profile, load and availability are
     * unchanged, which the rule set's pooled session recognises without comparing it (most reps, at every decision).
     */
    private RepCandidate candidate(SalesRep rep, int openLeads, boolean available) {
        Candidate last = candidates.get(rep.userId());
        if (last != null && last.openLeads() == openLeads && last.available() == available && last.rep().equals(rep)) {
            return last.candidate();
        }
        RepCandidate candidate = new RepCandidate(rep.userId(), names(rep.regions()), names(rep.productLines()), names(rep.industries()),
                rep.capacity(), openLeads, available);
        candidates.put(rep.userId(), new Candidate(rep, openLeads, available, candidate));
        return candidate;
    }

    /** What a rep's candidate was built from. */
    private record Candidate(SalesRep rep, int openLeads, boolean available, RepCandidate candidate) {
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Set<String> names(Collection<? extends Enum<?>> values) {
        return Set.copyOf(values.stream().map(Enum::name).toList());
    }

    record Result(Optional<AssignedRep> winner, List<EligibleRep> eligible, RuleFiring firing, CandidateTeam team) {

        /** The reps the rules were told are out of office, for the decision record. */
        List<String> unavailable() {
            return team.getReps().stream().filter(rep -> !rep.isAvailable()).map(RepCandidate::getUserId).sorted().toList();
        }

        /** The match percentage of a rep asked about in {@link #decide(Lead, Set, Collection)}. */
        int matchOf(String userId) {
            return firing.factsOfType(RepMatch.class).stream().filter(match -> match.getUserId().equals(userId))
                    .mapToInt(RepMatch::getMatch).findFirst().orElse(0);
        }
    }
}

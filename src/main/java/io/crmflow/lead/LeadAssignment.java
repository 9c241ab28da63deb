package io.crmflow.lead;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.crmflow.lead.assignment.AssignedRep;
import io.crmflow.lead.assignment.AssignmentLead;
import io.crmflow.lead.assignment.EligibleRep;
import io.crmflow.lead.assignment.MatchPoints;
import io.crmflow.lead.assignment.RepCandidate;
import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.RuleFiring;
import io.crmflow.team.SalesRep;
import io.crmflow.team.SalesTeam;
import org.springframework.stereotype.Component;

/** Picks the rep for a lead by firing {@code rules/lead-assignment.drl} over the team's profiles and current load. */
@Component
class LeadAssignment {

    private final ActiveRuleSet rules;
    private final SalesTeam team;
    private final LeadRepository leads;

    LeadAssignment(ActiveRuleSet rules, SalesTeam team, LeadRepository leads) {
        this.rules = rules;
        this.team = team;
        this.leads = leads;
    }

    Result decide(Lead lead, Set<String> excludedOwners) {
        Map<String, Integer> load = leads.openLeadsByOwner();
        List<Object> facts = new ArrayList<>();
        facts.add(new AssignmentLead(lead.region().name(), nameOf(lead.productLine()), nameOf(lead.industry()), excludedOwners));
        for (SalesRep rep : team.activeReps()) {
            facts.add(new RepCandidate(rep.userId(), names(rep.regions()), names(rep.productLines()), names(rep.industries()),
                    rep.capacity(), load.getOrDefault(rep.userId(), 0)));
        }
        RuleFiring firing = rules.current().fire(facts);
        Optional<AssignedRep> winner = firing.factsOfType(AssignedRep.class).stream().findFirst();
        return new Result(winner, firing.factsOfType(EligibleRep.class), firing);
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Set<String> names(Collection<? extends Enum<?>> values) {
        return Set.copyOf(values.stream().map(Enum::name).toList());
    }

    record Result(Optional<AssignedRep> winner, List<EligibleRep> eligible, RuleFiring firing) {

        /** The rep's match percentage: the points the rules awarded them for this lead. */
        int matchOf(String userId) {
            return firing.factsOfType(MatchPoints.class).stream().filter(points -> points.getUserId().equals(userId))
                    .mapToInt(MatchPoints::getPoints).sum();
        }
    }
}

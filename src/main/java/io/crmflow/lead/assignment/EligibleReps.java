package io.crmflow.lead.assignment;

import java.util.ArrayList;
import java.util.List;

import io.crmflow.rules.RuleFiring;

/**
 * All reps the rules consider able to take the lead, as one fact: collected in one pass over the team, so that a decision
 * does not insert (and later retract) a fact per eligible rep.
 */
public class EligibleReps {

    private final List<EligibleRep> reps;

    public EligibleReps(List<EligibleRep> reps) {
        this.reps = List.copyOf(reps);
    }

    public List<EligibleRep> getReps() {
        return reps;
    }

    /**
     * The eligible reps a firing concluded, whichever shape its rule set uses: one {@code EligibleReps} fact (the shipped
     * rules since issue 25's third round) or an {@link EligibleRep} fact per rep (rule sets written before, which a rules
     * owner may still activate or roll back to).
     */
    public static List<EligibleRep> in(RuleFiring firing) {
        List<EligibleRep> eligible = new ArrayList<>(firing.factsOfType(EligibleRep.class));
        firing.factsOfType(EligibleReps.class).forEach(collected -> eligible.addAll(collected.getReps()));
        return eligible;
    }
}

package io.crmflow.lead.assignment;

import java.util.List;

/**
 * The reps who could take a lead, as read for one decision. The rules get each rep as a fact of its own, which the
 * rule set's pooled sessions keep between decisions and update only where a rep changed (see
 * {@code RuleSet#fire(Collection, Collection)}), so a decision against a large team does not insert or walk it anew.
 */
public class CandidateTeam {

    private final List<RepCandidate> reps;

    public CandidateTeam(List<RepCandidate> reps) {
        this.reps = List.copyOf(reps);
    }

    public List<RepCandidate> getReps() {
        return reps;
    }
}

package io.crmflow.lead.assignment;

import java.util.List;

/**
 * The reps who could take a lead, handed to the rules as one fact: the rules walk the list ({@code from}) instead of
 * having hundreds of reps inserted one by one, which keeps a decision against a large team fast.
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

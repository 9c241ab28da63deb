package io.crmflow.lead;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.crmflow.handover.SuccessorRules;
import io.crmflow.lead.assignment.AssignmentLead;
import io.crmflow.lead.assignment.RepCandidate;
import org.springframework.stereotype.Component;

/** The handover's successor for a record: whom {@code rules/lead-assignment.drl} would give a lead of the same profile. */
@Component
class HandoverSuccessors implements SuccessorRules {

    private final LeadAssignment assignment;

    HandoverSuccessors(LeadAssignment assignment) {
        this.assignment = assignment;
    }

    @Override
    public Optional<ProposedSuccessor> propose(String region, String productLine, String industry, Set<String> excluded) {
        if (region == null) {
            return Optional.empty();
        }
        LeadAssignment.Result result = assignment.decide(new AssignmentLead(region, productLine, industry, excluded), List.of());
        return result.winner().map(winner -> {
            RepCandidate rep = result.team().getReps().stream().filter(candidate -> candidate.getUserId().equals(winner.getUserId()))
                    .findFirst().orElseThrow();
            return new ProposedSuccessor(winner.getUserId(), winner.getMatch(), rep.getOpenLeads(), rep.getCapacity());
        });
    }
}

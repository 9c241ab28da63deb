package io.crmflow.handover;

import java.util.Optional;
import java.util.Set;

/** Who would take a record of this region, product line and industry: the assignment rules' choice (match, capacity, availability). */
public interface SuccessorRules {

    Optional<ProposedSuccessor> propose(String region, String productLine, String industry, Set<String> excluded);

    /** The rules' choice with what made it: match %, open leads against capacity. */
    record ProposedSuccessor(String userId, int match, int openLeads, int capacity) {
    }
}

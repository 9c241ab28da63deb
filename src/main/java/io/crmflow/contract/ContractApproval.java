package io.crmflow.contract;

import java.time.Instant;

/** One approver's decision in one approval round; {@code onBehalfOf} names whom a deputy decided for (docs/product.md §14). */
public record ContractApproval(int round, ApproverStep step, String approver, String onBehalfOf, boolean approved, String comment,
                               Instant decidedAt) {

    /** "frank" or, for a deputy, "frank for mia". */
    public String decider() {
        return onBehalfOf == null ? approver : approver + " for " + onBehalfOf;
    }
}

package io.crmflow.contract;

import java.time.Instant;

/** One approver's decision in one approval round. */
public record ContractApproval(int round, ApproverStep step, String approver, boolean approved, String comment, Instant decidedAt) {
}

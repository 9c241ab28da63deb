package io.crmflow.contract;

import java.time.Instant;

/** Published inside the transaction that approves a contract, so that what follows (collection) commits with it. */
public record ContractApproved(long contractId, long opportunityId, String owner, Instant approvedAt) {
}

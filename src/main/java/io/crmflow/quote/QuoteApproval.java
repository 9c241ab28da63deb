package io.crmflow.quote;

import java.time.Instant;

/** One approver's decision on a quote. */
public record QuoteApproval(String step, String approver, boolean approved, String comment, Instant decidedAt) {
}

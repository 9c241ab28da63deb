package io.crmflow.lead;

/**
 * Published in the transaction that qualifies a lead into an opportunity, for the features that follow from it (the
 * customer the opportunity belongs to, and the lead's contact person). {@code owner} is the rep who qualified it.
 */
public record LeadQualified(Lead lead, long opportunityId, String owner) {
}

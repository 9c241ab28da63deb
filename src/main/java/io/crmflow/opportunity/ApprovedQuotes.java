package io.crmflow.opportunity;

/**
 * Answers the PROPOSAL stage's exit need {@code approvedQuote}. Quotes are a feature of their own that builds on
 * opportunities; it implements this so that the opportunity feature can ask without depending on it.
 */
public interface ApprovedQuotes {

    boolean existFor(long opportunityId);
}

package io.crmflow.opportunity;

/**
 * Answers the NEGOTIATION stage's exit need {@code approvedContract}. Contracts are a feature of their own that builds
 * on opportunities; it implements this so that the opportunity feature can ask without depending on it.
 */
public interface ApprovedContracts {

    boolean existFor(long opportunityId);
}

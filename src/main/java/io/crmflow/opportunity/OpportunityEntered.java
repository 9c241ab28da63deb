package io.crmflow.opportunity;

/**
 * Published in the transaction that enters an opportunity by hand or imports it from a history CSV, when it names a company,
 * so that the customer feature can tell whose it is (docs/product.md §12): analytics count a customer's orders by the
 * customer, not by name. (A qualified lead's opportunity is told by {@code LeadQualified}.)
 */
public record OpportunityEntered(long opportunityId, String company, String actor) {
}

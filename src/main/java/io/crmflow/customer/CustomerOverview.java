package io.crmflow.customer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.crmflow.opportunity.CompanyOpportunity;

/**
 * A customer at a glance (docs/product.md §12): the profile, its contacts (masked as for {@code /contacts}), the decisions that set
 * its tier and lifecycle, and — for its owner, the region's manager and administrators — its opportunities.
 */
public record CustomerOverview(@JsonUnwrapped Customer customer, List<ContactView> contacts, CustomerDecision tierDecision,
                        CustomerDecision lifecycleDecision, List<CompanyOpportunity> opportunities) {
}

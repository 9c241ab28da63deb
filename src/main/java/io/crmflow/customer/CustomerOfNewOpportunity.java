package io.crmflow.customer;

import io.crmflow.lead.LeadQualified;
import io.crmflow.opportunity.OpportunityEntered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every opportunity that names a company belongs to its customer (docs/product.md §12). A qualified lead's company becomes a
 * customer, or is recognised as one by its folded name, and the lead's person one of its contacts. An opportunity entered by hand
 * or imported from history joins an existing customer of the same folded name. In the transaction that makes the opportunity.
 */
@Component
class CustomerOfNewOpportunity {

    private final CustomerService customers;

    CustomerOfNewOpportunity(CustomerService customers) {
        this.customers = customers;
    }

    @EventListener
    void onQualified(LeadQualified qualified) {
        customers.takeOverQualifiedLead(qualified);
    }

    @EventListener
    void onEntered(OpportunityEntered entered) {
        customers.linkEntered(entered);
    }
}

package io.crmflow.customer;

import io.crmflow.lead.LeadQualified;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A qualified lead's company becomes a customer, or is recognised as one by its folded name, and the lead's person
 * one of its contacts; the new opportunity belongs to that customer (docs/product.md §12). In the transaction of the qualification.
 */
@Component
class CustomerFromLead {

    private final CustomerService customers;

    CustomerFromLead(CustomerService customers) {
        this.customers = customers;
    }

    @EventListener
    void onQualified(LeadQualified qualified) {
        customers.takeOverQualifiedLead(qualified);
    }
}

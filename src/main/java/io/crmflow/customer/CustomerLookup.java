package io.crmflow.customer;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Customers as the logged-in user may see them, for pages outside this feature (the customer 360 page): the same row
 * and field rules as {@code /api/customers}.
 */
@Component
public class CustomerLookup {

    private final CustomerService customers;
    private final CustomerAccess access;

    CustomerLookup(CustomerService customers, CustomerAccess access) {
        this.customers = customers;
        this.access = access;
    }

    /**
     * The customer with its contacts and decisions; {@code full} when the user owns it, manages its region or
     * administers (they see contacts unmasked and its sales records). Not found when they may not see it at all.
     */
    public Seen overview(long id, Authentication user) {
        CustomerAccess.Viewer viewer = access.viewer(user);
        boolean full = viewer.canChange(customers.visible(id, viewer));
        return new Seen(customers.overview(id, viewer), full);
    }

    /** Whether the customer exists and the user may see at least its profile. */
    public boolean mayView(long id, Authentication user) {
        try {
            customers.requireVisible(id, user);
            return true;
        } catch (CustomerNotFoundException notVisible) {
            return false;
        }
    }

    public CustomerPage list(CustomerFilter filter, Authentication user, int page, int size) {
        return customers.list(filter, access.viewer(user), page, size);
    }

    /** What {@link #overview} found. */
    public record Seen(CustomerOverview overview, boolean full) {
    }
}

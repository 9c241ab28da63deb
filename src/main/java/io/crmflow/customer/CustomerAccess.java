package io.crmflow.customer;

import java.util.Set;

import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import io.crmflow.team.Region;
import io.crmflow.team.SalesTeam;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Row and field rules for customers (docs/product.md §12, like leads in §8): the owner, the region's manager and administrators
 * see and change a customer and its contacts in full; support and finance read customers, with contacts' phone, email
 * and WeChat masked; nobody else sees them.
 */
@Component
class CustomerAccess {

    private final SalesTeam team;

    CustomerAccess(SalesTeam team) {
        this.team = team;
    }

    Viewer viewer(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        boolean reader = user.isIn(CrmflowGroup.SUPPORT_AGENT) || user.isIn(CrmflowGroup.SUPPORT_LEAD) || user.isIn(CrmflowGroup.FINANCE);
        return new Viewer(user.userId(), user.isAdmin(), team.regionsManagedBy(user), user.isIn(CrmflowGroup.SALES_REP), reader);
    }

    /** Who is asking: their managed regions, whether they sell, and whether their role reads every customer. */
    record Viewer(String userId, boolean admin, Set<Region> managedRegions, boolean rep, boolean readsAll) {

        boolean canSee(Customer customer) {
            return readsAll || canChange(customer);
        }

        /** Owner, the region's manager, administrators: they change the customer and see its contacts in full. */
        boolean canChange(Customer customer) {
            return userId.equals(customer.owner()) || manages(customer.region());
        }

        boolean manages(Region region) {
            return admin || region != null && managedRegions.contains(region);
        }

        /** Sees every customer, so a list needs no row filter. */
        boolean seesAll() {
            return admin || readsAll;
        }
    }
}

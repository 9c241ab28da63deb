package io.crmflow.ticket;

import io.crmflow.customer.CustomerCard;
import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import org.springframework.security.core.Authentication;

/**
 * Who is acting on tickets. Support agents, the support lead and administrators work every ticket; an account owner
 * (a sales rep) sees and works the tickets of their own customers, which is how L3 reaches them.
 */
record TicketActor(String userId, boolean supportStaff, boolean supportLead) {

    static TicketActor of(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        boolean lead = user.isIn(CrmflowGroup.SUPPORT_LEAD) || user.isAdmin();
        return new TicketActor(user.userId(), lead || user.isIn(CrmflowGroup.SUPPORT_AGENT), lead);
    }

    boolean mayWork(CustomerCard customer) {
        return supportStaff || userId.equals(customer.accountOwner());
    }
}

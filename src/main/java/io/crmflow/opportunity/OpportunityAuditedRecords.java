package io.crmflow.opportunity;

import io.crmflow.audit.AuditedRecords;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** An opportunity's audit history is readable to whoever may see the opportunity. */
@Component
class OpportunityAuditedRecords implements AuditedRecords {

    private final OpportunityService opportunities;

    OpportunityAuditedRecords(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public String entity() {
        return "opportunity";
    }

    @Override
    public void requireVisible(long id, Authentication caller) {
        opportunities.visibleTo(id, caller);
    }
}

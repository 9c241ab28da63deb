package io.crmflow.lead;

import io.crmflow.audit.AuditedRecords;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** A lead's audit history is readable to whoever may see the lead. */
@Component
class LeadAuditedRecords implements AuditedRecords {

    private final LeadService leads;
    private final LeadAccess access;

    LeadAuditedRecords(LeadService leads, LeadAccess access) {
        this.leads = leads;
        this.access = access;
    }

    @Override
    public String entity() {
        return "lead";
    }

    @Override
    public void requireVisible(long id, Authentication caller) {
        leads.visibleLead(id, access.viewer(caller));
    }
}

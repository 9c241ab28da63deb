package io.crmflow.lead;

import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Assign lead": the rules pick an owner, or the lead goes to its region's pool. */
@Component
class AssignLeadDelegate implements JavaDelegate {

    private final LeadService leads;

    AssignLeadDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = (Long) execution.getVariable("leadId");
        Set<String> previousOwners = new HashSet<>();
        if (execution.getVariable("previousOwners") instanceof Collection<?> owners) {
            owners.forEach(owner -> previousOwners.add(String.valueOf(owner)));
        }
        int hours = ((Number) execution.getVariable("followUpBusinessHours")).intValue();
        Assignment assignment = leads.assign(leadId, previousOwners, hours);
        execution.setVariable("owner", assignment.ownerId());
        execution.setVariable("followUpDue", assignment.followUpDue() == null ? null : Date.from(assignment.followUpDue()));
        execution.setVariable("poolManager", assignment.poolManager());
    }
}

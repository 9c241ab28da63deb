package io.crmflow.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Assign lead": the rules pick an owner (never one who let it lapse), or the lead goes to the pool. */
@Component
class AssignLeadDelegate implements JavaDelegate {

    private final LeadService leads;

    AssignLeadDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Assignment assignment = leads.assign(ProcessVariables.leadId(execution), ProcessVariables.previousOwners(execution),
                ProcessVariables.hours(execution, "followUpBusinessHours"));
        execution.setVariable("owner", assignment.ownerId());
        execution.setVariable("followUpDue", ProcessVariables.date(assignment.followUpDue()));
    }
}

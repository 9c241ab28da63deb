package io.crmflow.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record dispatch": the region's manager handed the lead to a rep of their choice. */
@Component
class DispatchLeadDelegate implements JavaDelegate {

    private final LeadService leads;

    DispatchLeadDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Assignment assignment = leads.dispatch(ProcessVariables.leadId(execution), ProcessVariables.text(execution, "dispatchTo"),
                ProcessVariables.hours(execution, "followUpBusinessHours"), ProcessVariables.text(execution, "regionManager"));
        execution.setVariable("owner", assignment.ownerId());
        execution.setVariable("followUpDue", ProcessVariables.date(assignment.followUpDue()));
    }
}

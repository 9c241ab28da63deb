package io.crmflow.lead;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record dispatch": the region's manager handed a pool lead to a rep of their choice. */
@Component
class DispatchLeadDelegate implements JavaDelegate {

    private final LeadService leads;

    DispatchLeadDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String rep = (String) execution.getVariable("dispatchTo");
        int hours = ((Number) execution.getVariable("followUpBusinessHours")).intValue();
        Assignment assignment = leads.dispatch((Long) execution.getVariable("leadId"), rep, hours,
                (String) execution.getVariable("poolManager"));
        execution.setVariable("owner", assignment.ownerId());
        execution.setVariable("followUpDue", Date.from(assignment.followUpDue()));
    }
}

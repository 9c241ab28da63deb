package io.crmflow.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record contact": the owner reached the lead; the qualification clock starts. */
@Component
class RecordLeadContactDelegate implements JavaDelegate {

    private final LeadService leads;

    RecordLeadContactDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var qualifyDue = leads.recordContact(ProcessVariables.leadId(execution), ProcessVariables.text(execution, "contactChannel"),
                ProcessVariables.text(execution, "contactNote"), ProcessVariables.actor(execution),
                ProcessVariables.hours(execution, "qualifyBusinessHours"));
        execution.setVariable("qualifyDue", ProcessVariables.date(qualifyDue));
    }
}

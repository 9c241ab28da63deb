package io.crmflow.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record contact": the owner reached the lead; the timeline shows how and what was said. */
@Component
class RecordLeadContactDelegate implements JavaDelegate {

    private final LeadService leads;

    RecordLeadContactDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        leads.recordContact((Long) execution.getVariable("leadId"), (String) execution.getVariable("contactChannel"),
                (String) execution.getVariable("contactNote"), (String) execution.getVariable("owner"));
    }
}

package io.crmflow.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Re-score lead": after 30 days of nurturing the lead is scored again with the active rules. */
@Component
class RescoreLeadDelegate implements JavaDelegate {

    private final LeadService leads;

    RescoreLeadDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadScore score = leads.rescore(ProcessVariables.leadId(execution));
        execution.setVariables(score.processVariables());
        execution.setVariable("reclaimCount", 0);
    }
}

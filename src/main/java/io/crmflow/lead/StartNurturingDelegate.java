package io.crmflow.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Start nurturing": a grade-D lead, or one its owner chose to nurture, is not worth a rep's time yet. */
@Component
class StartNurturingDelegate implements JavaDelegate {

    private final LeadService leads;

    StartNurturingDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        leads.startNurturing(ProcessVariables.leadId(execution), ProcessVariables.text(execution, "grade"));
    }
}

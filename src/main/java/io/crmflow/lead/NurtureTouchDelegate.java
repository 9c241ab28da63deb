package io.crmflow.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service tasks "Nurture touch": day and channel come from the task's input parameters in the BPMN. */
@Component
class NurtureTouchDelegate implements JavaDelegate {

    private final LeadService leads;

    NurtureTouchDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        leads.recordNurtureTouch(ProcessVariables.leadId(execution), Integer.parseInt(ProcessVariables.text(execution, "touchDay")),
                ProcessVariables.text(execution, "touchChannel"));
    }
}

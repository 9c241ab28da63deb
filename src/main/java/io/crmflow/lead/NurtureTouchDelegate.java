package io.crmflow.lead;

import io.crmflow.notify.Channel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service tasks "Nurture touch": day and channel come from the task's input parameters in the BPMN. */
@Component
class NurtureTouchDelegate implements JavaDelegate {

    private final LeadNurturing nurturing;

    NurtureTouchDelegate(LeadNurturing nurturing) {
        this.nurturing = nurturing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        nurturing.touch(ProcessVariables.leadId(execution), Integer.parseInt(ProcessVariables.text(execution, "touchDay")),
                Channel.valueOf(ProcessVariables.text(execution, "touchChannel")));
    }
}

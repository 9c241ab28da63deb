package io.crmflow.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Start nurturing": a grade-D lead, or one its owner chose to nurture, is not worth a rep's time yet. */
@Component
class StartNurturingDelegate implements JavaDelegate {

    private final LeadNurturing nurturing;

    StartNurturingDelegate(LeadNurturing nurturing) {
        this.nurturing = nurturing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        nurturing.start(ProcessVariables.leadId(execution), ProcessVariables.text(execution, "grade"));
    }
}

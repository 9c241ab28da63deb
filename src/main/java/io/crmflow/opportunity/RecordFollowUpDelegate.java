package io.crmflow.opportunity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record follow-up": the owner answered the idle reminder, which counts as an update. */
@Component
class RecordFollowUpDelegate implements JavaDelegate {

    private final OpportunityService opportunities;

    RecordFollowUpDelegate(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object note = execution.getVariable("followUpNote");
        opportunities.recordFollowUp(EnterStageDelegate.opportunityId(execution), note == null ? "followed up" : note.toString(),
                (String) execution.getVariable("owner"));
    }
}

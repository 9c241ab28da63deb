package io.crmflow.opportunity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Check idle period": fired by the stage's idle timer cycle. */
@Component
class CheckIdleDelegate implements JavaDelegate {

    private final OpportunityService opportunities;

    CheckIdleDelegate(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariableLocal("idleAction", opportunities.checkIdle(EnterStageDelegate.opportunityId(execution)).name());
    }
}

package io.crmflow.opportunity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Move stage": the one place a stage changes, whether the move came from Tasklist or the API. */
@Component
class MoveStageDelegate implements JavaDelegate {

    private final OpportunityService opportunities;

    MoveStageDelegate(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OpportunityStage entered = opportunities.applyMove(EnterStageDelegate.opportunityId(execution), StageMoveVariables.from(execution),
                StageMoveVariables.actor(execution));
        execution.setVariable("stage", entered.name());
    }
}

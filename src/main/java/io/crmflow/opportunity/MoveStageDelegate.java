package io.crmflow.opportunity;

import io.crmflow.process.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Service task "Move stage": the one place a stage changes, whether the move came from Tasklist or the API. */
@Component
class MoveStageDelegate implements JavaDelegate {

    private final OpportunityService opportunities;
    private final ApplicationEventPublisher events;

    MoveStageDelegate(OpportunityService opportunities, ApplicationEventPublisher events) {
        this.opportunities = opportunities;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = EnterStageDelegate.opportunityId(execution);
        OpportunityStage entered = opportunities.applyMove(id, StageMoveVariables.from(execution), StageMoveVariables.actor(execution));
        execution.setVariable("stage", entered.name());
        if (entered == OpportunityStage.WON) {
            events.publishEvent(new OpportunityWon(id, EngineClock.now()));
        }
    }
}

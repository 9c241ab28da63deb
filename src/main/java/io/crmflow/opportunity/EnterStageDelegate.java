package io.crmflow.opportunity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Enter stage": the stage task's name, the idle timer's cycle and the form's data for the stage. */
@Component
class EnterStageDelegate implements JavaDelegate {

    private final OpportunityService opportunities;

    EnterStageDelegate(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(opportunities.stageVariables(opportunityId(execution)));
        // A new stage starts with an empty form: what was entered for the previous move must not be submitted again.
        execution.removeVariables(java.util.List.of("targetStage", "lossReason", "lossNote", "movedBy"));
    }

    static long opportunityId(DelegateExecution execution) {
        return ((Number) execution.getVariable("opportunityId")).longValue();
    }
}

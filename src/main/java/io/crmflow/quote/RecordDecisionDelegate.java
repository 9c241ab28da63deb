package io.crmflow.quote;

import java.util.List;

import io.crmflow.team.StandIns;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Service tasks "Record manager decision" and "Record finance decision" (input parameter {@code step}): stores what
 * the approver decided, whether in Tasklist or through the API, and tells the next gateway.
 */
@Component
class RecordDecisionDelegate implements JavaDelegate {

    private final QuoteService quotes;

    RecordDecisionDelegate(QuoteService quotes) {
        this.quotes = quotes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = QuoteForm.approved(execution);
        String approver = approver(execution);
        quotes.recordDecision(DetermineApproversDelegate.quoteId(execution), ApprovalStep.valueOf((String) execution.getVariable("step")),
                approved, QuoteForm.comment(execution), approver, StandIns.decidedFor(execution.getProcessInstance(), approver).orElse(null));
        execution.setVariable("approved", approved);
        // The next approver's form starts empty instead of showing this decision as theirs.
        execution.removeVariables(List.of(QuoteForm.DECISION, QuoteForm.COMMENT, QuoteForm.DECIDED_BY));
    }

    /** The API names the approver; in Tasklist it is the logged-in user who completed the task. */
    private static String approver(DelegateExecution execution) {
        Object decidedBy = execution.getVariable(QuoteForm.DECIDED_BY);
        if (decidedBy != null) {
            return decidedBy.toString();
        }
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("A quote decision needs to know who made it: complete the task as a logged-in user");
        }
        return authentication.getUserId();
    }
}

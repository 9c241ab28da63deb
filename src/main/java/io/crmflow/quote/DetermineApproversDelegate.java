package io.crmflow.quote;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Determine approvers": the route from rules/quote-discount-approval.dmn, the region's manager, the form's data. */
@Component
class DetermineApproversDelegate implements JavaDelegate {

    private final QuoteService quotes;

    DetermineApproversDelegate(QuoteService quotes) {
        this.quotes = quotes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(quotes.determineApprovers(quoteId(execution)));
    }

    static long quoteId(DelegateExecution execution) {
        return ((Number) execution.getVariable("quoteId")).longValue();
    }
}

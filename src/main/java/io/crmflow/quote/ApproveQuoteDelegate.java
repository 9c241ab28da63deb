package io.crmflow.quote;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Approve quote": every approver agreed, or none was needed. */
@Component
class ApproveQuoteDelegate implements JavaDelegate {

    private final QuoteService quotes;

    ApproveQuoteDelegate(QuoteService quotes) {
        this.quotes = quotes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        quotes.approve(DetermineApproversDelegate.quoteId(execution));
    }
}

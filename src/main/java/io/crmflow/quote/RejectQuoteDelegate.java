package io.crmflow.quote;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Reject quote": an approver said no. */
@Component
class RejectQuoteDelegate implements JavaDelegate {

    private final QuoteService quotes;

    RejectQuoteDelegate(QuoteService quotes) {
        this.quotes = quotes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        quotes.reject(DetermineApproversDelegate.quoteId(execution));
    }
}

package io.crmflow.quote;

import io.crmflow.opportunity.ApprovedQuotes;
import org.springframework.stereotype.Component;

/** Tells the opportunity feature whether its PROPOSAL stage's exit need, an approved quote, is met. */
@Component
class ApprovedQuoteLookup implements ApprovedQuotes {

    private final QuoteRepository quotes;

    ApprovedQuoteLookup(QuoteRepository quotes) {
        this.quotes = quotes;
    }

    @Override
    public boolean existFor(long opportunityId) {
        return quotes.exists(opportunityId, QuoteStatus.APPROVED);
    }
}

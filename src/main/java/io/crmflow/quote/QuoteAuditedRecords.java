package io.crmflow.quote;

import io.crmflow.audit.AuditedRecords;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** A quote's audit history is readable to whoever may see its opportunity. */
@Component
class QuoteAuditedRecords implements AuditedRecords {

    private final QuoteService quotes;

    QuoteAuditedRecords(QuoteService quotes) {
        this.quotes = quotes;
    }

    @Override
    public String entity() {
        return "quote";
    }

    @Override
    public void requireVisible(long id, Authentication caller) {
        quotes.visible(quotes.get(id).opportunityId(), id, caller);
    }
}

package io.crmflow.quote;

import java.util.List;

import io.crmflow.audit.AuditTrail;
import io.crmflow.handover.OpenRecord;
import io.crmflow.handover.ProcessOwnedRecords;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** A rep's quotes waiting for approval, in a handover: they move with their opportunity (docs/product.md §14). */
@Component
class QuoteBook extends ProcessOwnedRecords {

    private final QuoteService quotes;

    QuoteBook(RuntimeService runtime, AuditTrail audit, QuoteService quotes) {
        super(runtime, audit, QuoteService.PROCESS_KEY, "quote");
        this.quotes = quotes;
    }

    @Override
    protected OpenRecord record(long id, String processInstanceId) {
        Quote quote = quotes.get(id);
        return new OpenRecord("quote", id, quote.number(), null, null, null, List.of(processInstanceId),
                OpenRecord.key("opportunity", quote.opportunityId()));
    }
}

package io.crmflow.quote;

import static io.crmflow.pdf.PdfDocuments.money;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.crmflow.opportunity.Opportunity;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The approval task's form ({@code forms/quote-approval.form}) as process variables: what it shows of the quote, and
 * the decision it submits, which {@code POST /api/quotes/{id}/decision} passes the same way. Variable names are the
 * form's field keys.
 */
final class QuoteForm {

    static final String DECISION = "decision";
    static final String APPROVE = "APPROVE";
    static final String COMMENT = "decisionComment";
    static final String DECIDED_BY = "decidedBy";

    private QuoteForm() {
    }

    static Map<String, Object> variables(Quote quote, Opportunity opportunity) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("quoteNumber", quote.number());
        variables.put("opportunityName", opportunity.name());
        variables.put("company", opportunity.company());
        variables.put("customerId", opportunity.customerId());
        variables.put("region", opportunity.region());
        variables.put("quoteLines", quote.lines().stream().map(QuoteLine::summary).collect(Collectors.joining("\n")));
        variables.put("listTotal", money(quote.listTotal()) + " CNY");
        variables.put("discountPercent", quote.discountPercent().toPlainString() + " %");
        variables.put("effectiveDiscountPercent", quote.effectiveDiscountPercent().toPlainString() + " %");
        variables.put("discountAmount", money(quote.discountAmount()) + " CNY");
        variables.put("netTotal", money(quote.netTotal()) + " CNY");
        variables.put("quoteNote", quote.note());
        return variables;
    }

    static Map<String, Object> decision(boolean approve, String comment, String decidedBy) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DECISION, approve ? APPROVE : "REJECT");
        variables.put(COMMENT, comment);
        variables.put(DECIDED_BY, decidedBy);
        return variables;
    }

    static boolean approved(VariableScope scope) {
        Object decision = scope.getVariable(DECISION);
        if (decision == null) {
            throw new IllegalStateException("The approval task was completed without a decision");
        }
        return APPROVE.equals(decision.toString());
    }

    static String comment(VariableScope scope) {
        Object comment = scope.getVariable(COMMENT);
        return comment == null ? null : comment.toString();
    }
}

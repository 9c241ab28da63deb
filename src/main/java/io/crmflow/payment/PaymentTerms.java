package io.crmflow.payment;

import java.util.Map;

import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.DecisionFailedException;
import org.springframework.stereotype.Component;

/** Reads when each collection step is due from the DMN model {@code payment-collection} of the active rule set. */
@Component
class PaymentTerms {

    static final String MODEL = "payment-collection";

    private final ActiveRuleSet rules;

    PaymentTerms(ActiveRuleSet rules) {
        this.rules = rules;
    }

    /** Calendar days from an installment's due date (negative: before it); for DEFAULT_TERM, days after approval. */
    int daysFromDue(CollectionStep step) {
        return rules.decide(MODEL, ruleSet -> {
            Object days = ruleSet.evaluate(MODEL, Map.of("step", step.name())).result("paymentCollection");
            if (!(days instanceof Number number)) {
                throw new DecisionFailedException("DMN model '" + MODEL + "' has no row for step " + step + " (got " + days + ")");
            }
            return number.intValue();
        });
    }
}

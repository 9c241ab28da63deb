package io.crmflow.quote;

import java.math.BigDecimal;
import java.util.Map;

import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.DecisionFailedException;
import org.springframework.stereotype.Component;

/** Reads who approves a discount from the DMN model {@code quote-discount-approval} of the active rule set. */
@Component
class DiscountApprovalRules {

    static final String MODEL = "quote-discount-approval";

    private final ActiveRuleSet rules;

    DiscountApprovalRules(ActiveRuleSet rules) {
        this.rules = rules;
    }

    ApprovalRoute routeFor(BigDecimal discountPercent) {
        return rules.decide(MODEL, ruleSet -> {
            Object route = ruleSet.evaluate(MODEL, Map.of("discountPercent", discountPercent)).result("discountApproval");
            if (!(route instanceof String name)) {
                throw new DecisionFailedException("DMN model '" + MODEL + "' has no row for a discount of " + discountPercent + " % (got " + route + ")");
            }
            return DecisionFailedException.constant(ApprovalRoute.class, name, MODEL);
        });
    }
}

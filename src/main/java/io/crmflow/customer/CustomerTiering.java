package io.crmflow.customer;

import java.math.BigDecimal;
import java.util.Map;

import io.crmflow.rules.DecisionFailedException;
import io.crmflow.rules.DecisionOutcome;
import io.crmflow.rules.RuleSet;

/** A customer's tier by the DMN model {@code customer-tier} on what it won in the trailing 12 months (docs/product.md §12). */
final class CustomerTiering {

    static final String MODEL = "customer-tier";
    static final String KIND = "TIER";
    static final String INPUT = "wonAmount12m";

    private CustomerTiering() {
    }

    record Tiered(CustomerTier tier, DecisionOutcome outcome) {
    }

    static Tiered decide(RuleSet ruleSet, BigDecimal wonAmount12m) {
        DecisionOutcome outcome = ruleSet.evaluate(MODEL, Map.of(INPUT, wonAmount12m));
        if (!(outcome.result("customerTier") instanceof String tier) || !tier.matches("[ABC]")) {
            throw new DecisionFailedException("DMN model '" + MODEL + "' decided no tier A, B or C for " + wonAmount12m + " CNY (got "
                    + outcome.results() + ")");
        }
        return new Tiered(CustomerTier.valueOf(tier), outcome);
    }
}

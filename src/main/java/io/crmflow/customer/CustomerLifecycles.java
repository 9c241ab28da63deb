package io.crmflow.customer;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.crmflow.opportunity.CustomerOrders.WonOrders;
import io.crmflow.rules.DecisionFailedException;
import io.crmflow.rules.DecisionOutcome;
import io.crmflow.rules.RuleSet;

/** A customer's lifecycle stage by the DMN model {@code customer-lifecycle} (docs/product.md §12). */
final class CustomerLifecycles {

    static final String MODEL = "customer-lifecycle";
    static final String KIND = "LIFECYCLE";
    static final long NEVER = -1;

    private CustomerLifecycles() {
    }

    record Staged(CustomerLifecycle lifecycle, DecisionOutcome outcome) {
    }

    static Staged decide(RuleSet ruleSet, WonOrders won, boolean openChurnWarning, Instant now) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("ordersWon", won.won());
        inputs.put("daysSinceFirstWin", daysSince(won.firstWonAt(), now));
        inputs.put("daysSinceLastWin", daysSince(won.lastWonAt(), now));
        inputs.put("openChurnWarning", openChurnWarning);
        DecisionOutcome outcome = ruleSet.evaluate(MODEL, inputs);
        if (!(outcome.result("customerLifecycle") instanceof String stage)
                || Arrays.stream(CustomerLifecycle.values()).noneMatch(value -> value.name().equals(stage))) {
            throw new DecisionFailedException("DMN model '" + MODEL + "' decided no lifecycle stage for " + inputs + " (got " + outcome.results() + ")");
        }
        return new Staged(CustomerLifecycle.valueOf(stage), outcome);
    }

    /** Whole days since {@code then}; {@link #NEVER} when there was no such win (decision inputs cannot be null). */
    private static long daysSince(Instant then, Instant now) {
        return then == null ? NEVER : Duration.between(then, now).toDays();
    }
}

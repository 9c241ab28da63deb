package io.crmflow.contract;

import java.math.BigDecimal;
import java.util.Map;

import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.DecisionFailedException;
import org.springframework.stereotype.Component;

/** Reads who approves a contract from the DMN model {@code contract-approval} of the active rule set. */
@Component
class ContractApprovalRules {

    static final String MODEL = "contract-approval";

    private final ActiveRuleSet rules;

    ContractApprovalRules(ActiveRuleSet rules) {
        this.rules = rules;
    }

    ContractRoute routeFor(BigDecimal amount) {
        return rules.decide(MODEL, ruleSet -> {
            Object route = ruleSet.evaluate(MODEL, Map.of("amount", amount)).result("contractApproval");
            if (!(route instanceof String name)) {
                throw new DecisionFailedException("DMN model '" + MODEL + "' has no row for an amount of " + amount + " CNY (got " + route + ")");
            }
            return DecisionFailedException.constant(ContractRoute.class, name, MODEL);
        });
    }
}

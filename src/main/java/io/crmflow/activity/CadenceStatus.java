package io.crmflow.activity;

import static io.crmflow.process.EngineClock.now;

import java.util.List;

import io.crmflow.customer.CustomerTier;
import io.crmflow.rules.ActiveRuleSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** For the analytics (docs/product.md §13): which customers are behind their tier's cadence right now, by the active rules. */
@Component
public class CadenceStatus {

    private final CadenceCheck check;
    private final ActiveRuleSet rules;

    CadenceStatus(CadenceCheck check, ActiveRuleSet rules) {
        this.check = check;
        this.rules = rules;
    }

    @Transactional(readOnly = true)
    public List<CustomerBehind> customersBehind() {
        return rules.decide(FollowUpCadence.MODEL, ruleSet -> check.behind(ruleSet, now(), false, null)).stream()
                .map(behind -> new CustomerBehind(behind.customerId(), behind.owner(), behind.region(), behind.tier()))
                .toList();
    }

    /** A customer behind, with what row rules need: its owner and region. */
    public record CustomerBehind(long customerId, String owner, String region, CustomerTier tier) {
    }
}

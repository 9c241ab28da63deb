package io.crmflow.customer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.DecisionReplayer;
import io.crmflow.rules.ReplayReport;
import io.crmflow.rules.ReplayReport.Difference;
import io.crmflow.rules.ReplayReport.Failure;
import io.crmflow.rules.ReplayReport.Share;
import io.crmflow.rules.RuleSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replays the latest tier decision of the most recently decided customers with a candidate rule set (docs/product.md §6, §12):
 * which customers would change tier. Both versions decide on the recorded trailing-12-month won amount. Reads only.
 */
@Component
class CustomerTierReplayer implements DecisionReplayer {

    private static final String FAILS = "(fails: ";

    private final CustomerDecisions decisions;
    private final CustomerRepository customers;
    private final ActiveRuleSet rules;

    CustomerTierReplayer(CustomerDecisions decisions, CustomerRepository customers, ActiveRuleSet rules) {
        this.decisions = decisions;
        this.customers = customers;
        this.rules = rules;
    }

    @Override
    public String kind() {
        return "customer-tier";
    }

    @Override
    @Transactional(readOnly = true)
    public ReplayReport replay(RuleSet candidate, int last) {
        RuleSet active = rules.current();
        List<CustomerDecision> recorded = decisions.latest(CustomerTiering.KIND, last);
        if (recorded.isEmpty()) {
            return ReplayReport.nothingRecorded(kind(), "no customer tier decisions recorded yet");
        }
        Map<Long, Customer> pinned = new TreeMap<>();
        customers.findAll(recorded.stream().map(CustomerDecision::customerId).toList()).stream()
                .filter(customer -> customer.pinnedTier() != null).forEach(customer -> pinned.put(customer.id(), customer));
        List<Difference> differences = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Map<String, int[]> shares = new TreeMap<>();
        int pinnedChanges = 0;
        for (CustomerDecision decision : recorded) {
            BigDecimal wonAmount = new BigDecimal(String.valueOf(decision.inputs().get(CustomerTiering.INPUT)));
            String before = tier(active, wonAmount);
            String after = tier(candidate, wonAmount);
            if (after.startsWith(FAILS)) {
                failures.add(new Failure(String.valueOf(decision.customerId()), CustomerTiering.KIND, after));
            }
            shares.computeIfAbsent(before, tier -> new int[2])[0]++;
            shares.computeIfAbsent(after, tier -> new int[2])[1]++;
            if (!Objects.equals(before, after)) {
                differences.add(new Difference(String.valueOf(decision.customerId()), CustomerTiering.KIND, "tier", before, after));
                if (pinned.containsKey(decision.customerId())) {
                    pinnedChanges++;
                }
            }
        }
        List<String> summary = new ArrayList<>();
        summary.add(differences.size() + " of " + recorded.size() + " customers would change tier by the table"
                + (pinnedChanges == 0 ? "" : ", " + pinnedChanges + " of them keep their pinned tier"));
        shares.forEach((tier, count) -> {
            if (count[0] != count[1]) {
                summary.add("tier " + tier + ": " + count[0] + " → " + count[1] + " customers");
            }
        });
        List<String> notes = List.of("old = the active version " + active.version() + ", new = the candidate " + candidate.version()
                        + ", both on each customer's recorded trailing-12-month won amount of its latest tier decision",
                "a tier pinned by a manager wins over the table: such customers keep it after an activation");
        List<Share> tierShares = shares.entrySet().stream()
                .map(tier -> new Share("tier", tier.getKey(), tier.getValue()[0], tier.getValue()[1])).toList();
        return new ReplayReport(kind(), recorded.size(), summary, notes, differences, tierShares, failures);
    }

    private static String tier(RuleSet ruleSet, BigDecimal wonAmount) {
        try {
            return CustomerTiering.decide(ruleSet, wonAmount).tier().name();
        } catch (RuntimeException failed) {
            return FAILS + failed.getMessage() + ")";
        }
    }
}

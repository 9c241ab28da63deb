package io.crmflow.activity;

import static io.crmflow.process.EngineClock.now;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.crmflow.customer.CustomerTier;
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
 * Runs the cadence check of today with the active rule set and with a candidate (docs/product.md §6, §13): which customers
 * would become due for a follow-up with the candidate, and which would no longer be. Reads only.
 */
@Component
class FollowUpCadenceReplayer implements DecisionReplayer {

    private static final String DECISION = "CADENCE";

    private final CadenceCheck check;
    private final ActiveRuleSet rules;

    FollowUpCadenceReplayer(CadenceCheck check, ActiveRuleSet rules) {
        this.check = check;
        this.rules = rules;
    }

    @Override
    public String kind() {
        return FollowUpCadence.MODEL;
    }

    /** {@code last}: at most this many customers (newest first) are listed each way among the differences; the counts cover all. */
    @Override
    @Transactional(readOnly = true)
    public ReplayReport replay(RuleSet candidate, int last) {
        Instant now = now();
        Map<Long, CadenceCheck.Behind> before = byCustomer(check.behind(rules.current(), now, false, null));
        Map<Long, CadenceCheck.Behind> after;
        try {
            after = byCustomer(check.behind(candidate, now, false, null));
        } catch (RuntimeException failed) {
            return new ReplayReport(kind(), 0, List.of("the candidate cannot decide the cadence: " + failed.getMessage()), List.of(), List.of(),
                    List.of(), List.of(new Failure("all", DECISION, failed.getMessage())));
        }
        Set<Long> becomeDue = newestFirst(after.keySet(), before.keySet());
        Set<Long> noLongerDue = newestFirst(before.keySet(), after.keySet());
        List<Difference> differences = new ArrayList<>();
        becomeDue.stream().limit(last)
                .forEach(id -> differences.add(new Difference(String.valueOf(id), DECISION, "due", null, after.get(id).reason())));
        noLongerDue.stream().limit(last)
                .forEach(id -> differences.add(new Difference(String.valueOf(id), DECISION, "due", before.get(id).reason(), null)));
        Map<String, int[]> shares = new TreeMap<>();
        for (CustomerTier tier : CustomerTier.values()) {
            shares.put(tier.name(), new int[] {count(before, tier), count(after, tier)});
        }
        List<String> summary = List.of(becomeDue.size() + " customers would become due for a follow-up today, " + noLongerDue.size()
                + " would no longer be (" + before.size() + " → " + after.size() + " behind)");
        List<String> notes = List.of("old = the active version " + rules.current().version() + ", new = the candidate " + candidate.version()
                + ", both checking every customer's activities as of now; shares count customers behind per tier");
        List<Share> tierShares = shares.entrySet().stream()
                .map(tier -> new Share("tier", tier.getKey(), tier.getValue()[0], tier.getValue()[1])).toList();
        return new ReplayReport(kind(), Math.max(before.size(), after.size()), summary, notes, differences, tierShares);
    }

    /** The customers in {@code these} but not in {@code those}, newest (highest id) first. */
    private static Set<Long> newestFirst(Set<Long> these, Set<Long> those) {
        return these.stream().filter(id -> !those.contains(id)).collect(Collectors.toCollection(() -> new TreeSet<Long>(Comparator.reverseOrder())));
    }

    private static Map<Long, CadenceCheck.Behind> byCustomer(List<CadenceCheck.Behind> behind) {
        return behind.stream().collect(Collectors.toMap(CadenceCheck.Behind::customerId, Function.identity()));
    }

    private static int count(Map<Long, CadenceCheck.Behind> behind, CustomerTier tier) {
        return (int) behind.values().stream().filter(customer -> customer.tier() == tier).count();
    }
}

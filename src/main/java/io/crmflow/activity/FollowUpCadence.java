package io.crmflow.activity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.crmflow.customer.CustomerTier;
import io.crmflow.rules.DecisionFailedException;
import io.crmflow.rules.RuleSet;

/**
 * A tier's follow-up cadence from {@code rules/follow-up-cadence.dmn} (docs/product.md §13): an activity of one of
 * {@code contactKinds} at least every {@code everyDays} days, and from day {@code demosDueFromDay} of a calendar month on,
 * at least {@code demosPerMonth} DEMOs in it.
 */
record FollowUpCadence(CustomerTier tier, Set<ActivityKind> contactKinds, int everyDays, int demosPerMonth, int demosDueFromDay) {

    static final String MODEL = "follow-up-cadence";

    /** Decides the tier's cadence with {@code ruleSet}; a missing or malformed row fails the decision. */
    static FollowUpCadence decide(RuleSet ruleSet, CustomerTier tier) {
        Object result = ruleSet.evaluate(MODEL, Map.of("tier", tier.name())).result("followUpCadence");
        if (!(result instanceof Map<?, ?> row) || !(row.get("contactKinds") instanceof String kinds) || kinds.isBlank()
                || !(row.get("everyDays") instanceof Number days) || days.intValue() < 1) {
            throw new DecisionFailedException("DMN model '" + MODEL + "' has no complete row for tier " + tier + " (got " + result + ")");
        }
        Set<ActivityKind> contactKinds = EnumSet.noneOf(ActivityKind.class);
        contactKinds.addAll(Arrays.stream(kinds.trim().split("\\s+"))
                .map(kind -> DecisionFailedException.constant(ActivityKind.class, kind, MODEL)).collect(Collectors.toSet()));
        return new FollowUpCadence(tier, Set.copyOf(contactKinds), days.intValue(), number(row.get("demosPerMonth")),
                Math.max(1, number(row.get("demosDueFromDay"))));
    }

    private static int number(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }

    /** The kinds that count, in the words of a task: "拜访 Visit / 电话 Call". */
    String kindLabels() {
        return contactKinds.stream().sorted().map(ActivityKind::label).collect(Collectors.joining(" / "));
    }

    /** In the words of a task and the board: "拜访 Visit 每 7 天 every 7 days, 演示 Demo 每月 2 次 2 a month". */
    String describe() {
        String contact = kindLabels() + " 每 " + everyDays + " 天 every " + everyDays + " days";
        return demosPerMonth > 0 ? contact + ", " + ActivityKind.DEMO.label() + " 每月 " + demosPerMonth + " 次 " + demosPerMonth + " a month" : contact;
    }
}

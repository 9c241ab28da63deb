package io.crmflow.opportunity;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.DecisionFailedException;
import org.springframework.stereotype.Component;

/** Reads the stage policy from the DMN model {@code opportunity-stage} of the active rule set. */
@Component
class StagePolicies {

    static final String MODEL = "opportunity-stage";

    private final ActiveRuleSet rules;

    StagePolicies(ActiveRuleSet rules) {
        this.rules = rules;
    }

    StagePolicy of(OpportunityStage stage) {
        return rules.decide(MODEL, ruleSet -> {
            Object result = ruleSet.evaluate(MODEL, Map.of("stage", stage.name())).result("stagePolicy");
            if (!(result instanceof Map<?, ?> policy) || !(policy.get("winProbability") instanceof Number probability)) {
                throw new DecisionFailedException("DMN model '" + MODEL + "' has no row for stage " + stage + " (got " + result + ")");
            }
            String needs = (String) policy.get("exitNeeds");
            Set<String> exitNeeds = needs == null || needs.isBlank() ? Set.of()
                    : Arrays.stream(needs.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
            Object idle = policy.get("idleReminderDays");
            Object next = policy.get("nextStage");
            return new StagePolicy(stage, (String) policy.get("label"), probability.intValue(),
                    idle instanceof Number days ? days.intValue() : null, exitNeeds,
                    next == null ? null : DecisionFailedException.constant(OpportunityStage.class, next, MODEL));
        });
    }
}

package io.crmflow.rules;

import java.util.List;
import java.util.Map;

/** What a DMN model decided for given inputs, which table rows matched, and the rule-set version that decided it. */
public record DecisionOutcome(Map<String, Object> inputs, Map<String, Object> results, List<MatchedRule> matchedRules,
                              String ruleSetVersion) {

    public Object result(String decisionName) {
        return results.get(decisionName);
    }
}

package io.crmflow.rules;

import java.util.Collection;
import java.util.List;

/** The facts in working memory after DRL rules fired, the rules that fired, and the rule-set version used. */
public record RuleFiring(Collection<?> facts, List<MatchedRule> firedRules, String ruleSetVersion) {

    public <T> List<T> factsOfType(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}

package io.crmflow.rules;

import java.nio.file.Path;
import java.util.List;

/** The rule set shipped in {@code rules/}, compiled once per test JVM (a KieBase build costs seconds). */
public final class ShippedRules {

    private static RuleSet ruleSet;

    private ShippedRules() {
    }

    public static synchronized RuleSet ruleSet() {
        if (ruleSet == null) {
            ruleSet = new RuleSetCompiler(List.of()).compile(new RuleFileSource(new RulesProperties(Path.of("rules"))).load());
        }
        return ruleSet;
    }
}

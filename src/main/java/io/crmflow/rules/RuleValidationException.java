package io.crmflow.rules;

import java.util.List;

/** A rule set that does not compile; it can never become the active version. */
public class RuleValidationException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RuleValidationException(List<RuleProblem> problems) {
        super("Rule set is invalid: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}

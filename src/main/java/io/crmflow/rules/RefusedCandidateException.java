package io.crmflow.rules;

import java.util.List;

/** An uploaded candidate that does not compile; it is stored as REFUSED so its problems stay visible. */
class RefusedCandidateException extends RuleValidationException {

    private final RuleSetVersion candidate;

    RefusedCandidateException(RuleSetVersion candidate, List<RuleProblem> problems) {
        super(problems);
        this.candidate = candidate;
    }

    RuleSetVersion candidate() {
        return candidate;
    }
}

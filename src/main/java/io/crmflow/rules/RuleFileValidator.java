package io.crmflow.rules;

import java.util.Collection;
import java.util.List;

/**
 * Checks files that the Drools compilers do not understand (such as {@code business-calendar.yaml}). Features that
 * own such a file provide a validator bean, so a rule set with a broken file of theirs cannot be activated.
 */
public interface RuleFileValidator {

    List<RuleProblem> validate(Collection<RuleFile> files);
}

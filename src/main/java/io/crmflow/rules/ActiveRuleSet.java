package io.crmflow.rules;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rule set every new decision uses. Switching is a single reference swap: a decision that already holds the old
 * {@link RuleSet} finishes on it, the next one sees the new version. Which version serves after a start is decided by
 * {@link RuleSetStartup}; activations through the API go through {@link RuleSetLifecycle}, which also stores them.
 */
@Component
public class ActiveRuleSet {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleSet.class);

    private final AtomicReference<RuleSet> active = new AtomicReference<>();

    ActiveRuleSet(RuleSetStartup startup) {
        active.set(startup.ruleSetToServe());
    }

    public RuleSet current() {
        return active.get();
    }

    /** Makes {@code next} the active version and returns the one it replaced. */
    public RuleSet activate(RuleSet next) {
        RuleSet previous = active.getAndSet(next);
        log.info("Rule set {} activated (was {})", next.version(), previous.version());
        return previous;
    }
}

package io.crmflow.rules;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rule set every new decision uses. Switching is a single reference swap: a decision that already holds the old
 * {@link RuleSet} finishes on it, the next one sees the new version. Which version serves after a start is decided by
 * {@link RuleSetStartup}; activations through the API go through {@link RuleSetLifecycle}, which also stores them.
 * <p>
 * The version served before the last switch is kept as a fallback: a decision the active version fails to make
 * ({@link #decide}) is made with it, so one broken row cannot stop intake. After a restart there is no fallback until
 * the next switch, and such a decision is refused with a 503.
 */
@Component
public class ActiveRuleSet {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleSet.class);

    private final AtomicReference<Versions> versions = new AtomicReference<>();
    private final DecisionFailureAlerts alerts;

    ActiveRuleSet(RuleSetStartup startup, DecisionFailureAlerts alerts) {
        this.alerts = alerts;
        versions.set(new Versions(startup.ruleSetToServe(), null));
    }

    public RuleSet current() {
        return versions.get().active();
    }

    /** Makes {@code next} the active version and returns the one it replaced, which becomes the fallback. */
    public RuleSet activate(RuleSet next) {
        RuleSet previous = versions.getAndUpdate(served -> new Versions(next, served.active())).active();
        log.info("Rule set {} activated (was {})", next.version(), previous.version());
        return previous;
    }

    /**
     * Makes a decision of {@code model} with the active version; if that fails ({@link DecisionFailedException}, also from
     * {@code decision}'s own checks of the result), with the fallback version, and the rules owners are alerted either way.
     * What the decision records as its rule-set version is the version that made it.
     *
     * @throws RulesUnavailableException (a 503 for API callers) when no version can decide
     */
    public <T> T decide(String model, Function<RuleSet, T> decision) {
        Versions served = versions.get();
        try {
            return decision.apply(served.active());
        } catch (DecisionFailedException failed) {
            RuleSet fallback = served.fallback();
            if (fallback != null) {
                try {
                    T decided = decision.apply(fallback);
                    alerts.failed(served.active().version(), model, failed, fallback.version());
                    return decided;
                } catch (DecisionFailedException fallbackFailed) {
                    log.warn("The fallback rule set {} cannot decide '{}' either: {}", fallback.version(), model, fallbackFailed.getMessage());
                }
            }
            alerts.failed(served.active().version(), model, failed, null);
            throw new RulesUnavailableException(served.active().version(), model, failed);
        }
    }

    private record Versions(RuleSet active, RuleSet fallback) {
    }
}

package io.crmflow.rules;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rule set every new decision uses. Switching is a single reference swap: a decision that already holds the old
 * {@link RuleSet} finishes on it, the next one sees the new version.
 */
@Component
public class ActiveRuleSet {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleSet.class);

    private final AtomicReference<RuleSet> active = new AtomicReference<>();

    public ActiveRuleSet(RuleFileSource source, RuleSetCompiler compiler) {
        long started = System.nanoTime();
        RuleSet initial = compiler.compile(source.load());
        active.set(initial);
        log.info("Rule set {} loaded from {} in {} ms: {}", initial.version(), source.describeOrigin(),
                (System.nanoTime() - started) / 1_000_000, initial.files().stream().map(RuleFile::name).toList());
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

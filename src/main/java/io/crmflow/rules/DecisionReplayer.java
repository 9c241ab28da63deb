package io.crmflow.rules;

import java.util.function.IntConsumer;

/**
 * Re-decides recorded decisions of one feature with a candidate rule set, to show before activation what it would
 * change. A feature that decides with the rules (leads, tickets, ...) provides one as a bean; the rules API runs them
 * all. Implementations must not write anything.
 */
public interface DecisionReplayer {

    /** What is replayed, e.g. {@code lead}. */
    String kind();

    /** Replays the most recent {@code last} decisions of this kind with {@code candidate}. */
    ReplayReport replay(RuleSet candidate, int last);

    /**
     * The same, telling {@code decided} how many more records it has decided as it goes, for the workbench's progress
     * bar; by default once, at the end (enough for replayers that finish quickly).
     */
    default ReplayReport replay(RuleSet candidate, int last, IntConsumer decided) {
        ReplayReport report = replay(candidate, last);
        decided.accept(report.replayed());
        return report;
    }
}

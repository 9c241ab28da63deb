package io.crmflow.rules;

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
}

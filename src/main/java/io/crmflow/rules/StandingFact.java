package io.crmflow.rules;

/**
 * A fact that stays in a rule set's pooled KIE sessions from one decision to the next (e.g. a rep of the team), so that
 * a decision only inserts what is new to it. Each decision hands the current standing facts; a session re-inserts only
 * those that are not {@link Object#equals equal} to what it holds under the same {@link #factKey()}, and deletes those
 * no longer handed. A decision therefore never sees a stale standing fact, however the facts changed in between.
 */
public interface StandingFact {

    /** Identifies the fact across versions of it (a rep's user id): a new version with the same key replaces the old one. */
    String factKey();
}

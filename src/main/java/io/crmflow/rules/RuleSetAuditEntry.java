package io.crmflow.rules;

import java.time.Instant;

/**
 * One change of the rule set: who, when, what, from which version to which, and which files differ.
 *
 * @param fromVersion sequence number of the version active before (null for the first deployment and for uploads
 *                    without a base); {@code fromHash} is its content hash
 * @param note        why the rules owner activated or rolled back, as they wrote it (null if they wrote none)
 */
public record RuleSetAuditEntry(long id, Action action, String actor, Instant at, Long fromVersion, String fromHash,
                                long toVersion, String toHash, String summary, String note) {

    public enum Action {
        /** New files in {@code rules/} activated at start-up. */
        DEPLOY,
        /** A candidate stored (only files that compile are). */
        UPLOAD,
        ACTIVATE,
        /** Back to the version that was active before the current one. */
        ROLLBACK
    }
}

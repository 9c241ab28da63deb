package io.crmflow.team;

/** What a stand-in period covers (docs/product.md §14). */
public enum StandInKind {
    /** Out of office: the assignment rules skip the person; their tasks go to the deputy, or to their manager without one. */
    ABSENCE,
    /** Approval delegation: the person's quote and contract approval tasks go to the deputy. */
    APPROVALS
}

package io.crmflow.quote;

public enum QuoteStatus {
    /** Waiting for the approvers the discount needs. */
    PENDING_APPROVAL,
    /** No approval was needed, or every approver said yes: it counts for the PROPOSAL stage and renders to PDF. */
    APPROVED,
    /** An approver said no, with a comment; the owner can submit a new quote. */
    REJECTED
}

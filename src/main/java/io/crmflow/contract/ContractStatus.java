package io.crmflow.contract;

public enum ContractStatus {
    /** With the approvers of the current round. */
    PENDING_APPROVAL,
    /** An approver said no: the owner revises it, then the approval starts over. */
    REVISION_NEEDED,
    /** Every approver agreed: it renders to PDF and the opportunity is WON. */
    APPROVED
}

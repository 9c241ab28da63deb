package io.crmflow.contract;

public enum ContractStatus {
    /** With the approvers of the current round. */
    PENDING_APPROVAL,
    /** An approver said no: the owner revises it, then the approval starts over. */
    REVISION_NEEDED,
    /** Every approver agreed: it renders to PDF, the opportunity is WON and its installments are collected. */
    APPROVED,
    /** Every installment is paid; the collection process has ended. */
    PAID;

    /** Approved, whether or not it has been paid yet. */
    public boolean isApproved() {
        return this == APPROVED || this == PAID;
    }
}

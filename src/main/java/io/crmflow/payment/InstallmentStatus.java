package io.crmflow.payment;

/** Stored with the installment (column {@code installment.status}), so that lists and filters can use it. */
public enum InstallmentStatus {
    /** Nothing paid yet, not overdue. */
    OPEN,
    /** Part paid, not overdue. */
    PARTIALLY_PAID,
    /** Its dunning ladder has started (rules/payment-collection.dmn, step OWNER) and it is not paid in full; part payments keep it here. */
    OVERDUE,
    PAID;

    /** What a payment of part of the installment leaves it at: PAID when it settles, else OVERDUE stays OVERDUE. */
    InstallmentStatus afterPayment(boolean settles) {
        if (settles) {
            return PAID;
        }
        return this == OVERDUE ? OVERDUE : PARTIALLY_PAID;
    }

    /** Dunning makes an unpaid installment OVERDUE; a paid one stays PAID. */
    boolean becomesOverdue() {
        return this == OPEN || this == PARTIALLY_PAID;
    }
}

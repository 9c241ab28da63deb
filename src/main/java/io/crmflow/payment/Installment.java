package io.crmflow.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One installment of a contract's payment plan; {@code number} counts 1, 2, 3… in due-date order. */
record Installment(long id, long contractId, int number, LocalDate dueDate, BigDecimal amount, BigDecimal paid, Instant paidAt) {

    BigDecimal outstanding() {
        return amount.subtract(paid);
    }

    boolean isPaid() {
        return outstanding().signum() == 0;
    }

    InstallmentStatus status() {
        return isPaid() ? InstallmentStatus.PAID : paid.signum() > 0 ? InstallmentStatus.PARTIALLY_PAID : InstallmentStatus.OPEN;
    }

    String label() {
        return "#" + number + " (" + dueDate + ")";
    }
}

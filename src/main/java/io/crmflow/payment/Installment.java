package io.crmflow.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** One installment of a contract's payment plan; {@code number} counts 1, 2, 3… in due-date order. */
record Installment(long id, long contractId, int number, LocalDate dueDate, BigDecimal amount, BigDecimal paid, Instant paidAt,
                   InstallmentStatus status) {

    BigDecimal outstanding() {
        return amount.subtract(paid);
    }

    boolean isPaid() {
        return outstanding().signum() == 0;
    }

    /** Whole days past the due date on {@code today}; 0 before it and once paid. */
    long daysOverdue(LocalDate today) {
        return isPaid() ? 0 : Math.max(0, ChronoUnit.DAYS.between(dueDate, today));
    }

    String label() {
        return "#" + number + " (" + dueDate + ")";
    }
}

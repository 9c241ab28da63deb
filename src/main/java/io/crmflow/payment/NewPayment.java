package io.crmflow.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A payment received from the customer (CNY). {@code receivedOn} defaults to today; {@code reference} is the bank's
 * reference, which makes reporting the same payment twice a conflict instead of a double booking.
 */
record NewPayment(@NotNull @Positive @Digits(integer = 13, fraction = 2) BigDecimal amount, LocalDate receivedOn,
                  @Size(max = 100) String reference) {
}

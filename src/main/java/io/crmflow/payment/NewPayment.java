package io.crmflow.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A payment received from the customer (CNY). {@code receivedOn} defaults to today; {@code reference} is the bank's
 * reference, which makes reporting the same payment twice a conflict instead of a double booking.
 */
record NewPayment(@NotNull @Positive @Digits(integer = 13, fraction = 2) @Schema(example = "120000.00") BigDecimal amount, @Schema(example = "2026-06-15") LocalDate receivedOn,
                  @Size(max = 100) @Schema(example = "BANK-20260615-0042") String reference) {
}

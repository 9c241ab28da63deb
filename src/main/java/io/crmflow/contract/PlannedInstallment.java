package io.crmflow.contract;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** One installment of a contract's payment plan as the owner agrees it with the customer: due date and amount (CNY). */
public record PlannedInstallment(@NotNull LocalDate dueDate, @NotNull @Positive @Digits(integer = 13, fraction = 2) BigDecimal amount) {
}

package io.crmflow.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.crmflow.team.ProductLine;
import io.crmflow.team.Region;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An opportunity entered directly (not from a lead); {@code owner} defaults to the person entering it. */
public record NewOpportunity(@NotBlank @Size(max = 200) String name, @Size(max = 200) String company, @NotNull Region region,
                             ProductLine productLine, @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal amount,
                             LocalDate expectedCloseDate, @Size(max = 64) String owner) {
}

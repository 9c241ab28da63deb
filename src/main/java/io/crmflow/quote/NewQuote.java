package io.crmflow.quote;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A quote as the owner submits it: lines and a total discount in percent on their sum. */
public record NewQuote(@NotEmpty @Size(max = 50) List<@Valid @NotNull Line> lines,
                       @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
                       @Size(max = 2000) String note) {

    /** {@code unitPrice} defaults to the product's list price and may not exceed it. */
    public record Line(@NotNull Long productId, @NotNull @Min(1) @Max(1_000_000) Integer quantity,
                       @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal unitPrice) {
    }
}

package io.crmflow.quote;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A product as an administrator enters or replaces it; {@code active} defaults to true. */
public record ProductRequest(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String sku,
                             @NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 50) String category,
                             @NotNull @DecimalMin("0.01") @Digits(integer = 13, fraction = 2) BigDecimal listPrice,
                             @NotNull @Min(0) @Max(100_000_000) Integer stock, Boolean active) {

    boolean activeOrDefault() {
        return active == null || active;
    }
}

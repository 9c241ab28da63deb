package io.crmflow.customer;

import io.crmflow.team.Industry;
import io.crmflow.team.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A customer as entered (POST) or corrected (PUT) by a rep or manager, or read from a CSV row. {@code owner}: a rep of
 * {@code region}; a rep may leave it out (they own it), a manager names it. {@code creditCode}: 统一社会信用代码, 18
 * characters with a valid check digit.
 */
public record NewCustomer(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 18) String creditCode,
        Industry industry,
        @NotNull Region region,
        @Size(max = 500) String address,
        @Size(max = 64) String owner) {
}

package io.crmflow.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.crmflow.team.ProductLine;
import io.crmflow.team.Region;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An opportunity entered directly (not from a lead); {@code owner} defaults to the person entering it. */
public record NewOpportunity(@NotBlank @Size(max = 200) @Schema(example = "监护仪采购 Patient monitors") String name, @Size(max = 200) @Schema(example = "华东医院 East China Hospital") String company, @NotNull @Schema(example = "EAST") Region region,
                             @Schema(example = "DEVICES") ProductLine productLine, @DecimalMin("0") @Digits(integer = 13, fraction = 2) @Schema(example = "480000.00") BigDecimal amount,
                             @Schema(example = "2026-09-30") LocalDate expectedCloseDate, @Size(max = 64) @Schema(example = "alice") String owner) {
}

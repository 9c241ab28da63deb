package io.crmflow.customer;

import io.crmflow.team.Industry;
import io.crmflow.team.Region;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A customer as entered (POST) or corrected (PUT) by a rep or manager, or read from a CSV row. {@code owner}: a rep of
 * {@code region}; a rep may leave it out (they own it), a manager names it. {@code creditCode}: 统一社会信用代码, 18
 * characters with a valid check digit.
 */
public record NewCustomer(
        @NotBlank @Size(max = 200) @Schema(example = "华东医院 East China Hospital") String name,
        @Size(max = 18) @Schema(example = "91310000MA1K4XXXX0") String creditCode,
        @Schema(example = "HOSPITAL") Industry industry,
        @NotNull @Schema(example = "EAST") Region region,
        @Size(max = 500) @Schema(example = "上海市徐汇区 Xuhui, Shanghai") String address,
        @Size(max = 64) @Schema(example = "alice") String owner) {
}

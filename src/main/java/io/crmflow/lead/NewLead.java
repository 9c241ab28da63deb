package io.crmflow.lead;

import io.crmflow.team.Industry;
import io.crmflow.team.ProductLine;
import io.crmflow.team.Region;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A lead as submitted by a web form, a partner system or a rep (docs/product.md §3.1). */
public record NewLead(
        @Size(max = 100) @Pattern(regexp = "[\\p{Alnum}._:\\-]+", message = "may contain only letters, digits and . _ : -") @Schema(example = "web-2026-0412") String externalId,
        @NotBlank @Size(max = 200) @Schema(example = "王磊 Wang Lei") String name,
        @Size(max = 200) @Schema(example = "华东医院 East China Hospital") String company,
        @Email @Size(max = 254) @Schema(example = "wang.lei@example.cn") String email,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()\\-]*", message = "may contain only digits, spaces, + ( ) -") @Schema(example = "+86 21 5555 0101") String phone,
        @NotNull @Schema(example = "TRADE_SHOW") LeadSource source,
        @NotNull @Schema(example = "EAST") Region region,
        @Schema(example = "HOSPITAL") Industry industry,
        @Schema(example = "DEVICES") ProductLine productLine,
        @Min(0) @Max(100_000) @Schema(example = "12") Integer visits30d,
        @Min(0) @Max(31_536_000) @Schema(example = "420") Integer dwellSeconds) {

    public int visits() {
        return visits30d == null ? 0 : visits30d;
    }

    public int dwell() {
        return dwellSeconds == null ? 0 : dwellSeconds;
    }
}

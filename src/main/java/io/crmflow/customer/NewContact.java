package io.crmflow.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A contact of a customer as entered or corrected (docs/product.md §12); phone as for leads. */
public record NewContact(
        @NotBlank @Size(max = 200) @Schema(example = "李娜 Li Na") String name,
        @Schema(example = "DECISION_MAKER") ContactRole role,
        @Size(max = 100) @Schema(example = "采购主任 Head of purchasing") String title,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()\\-]*", message = "may contain only digits, spaces, + ( ) -") @Schema(example = "+86 21 5555 0102") String phone,
        @Email @Size(max = 254) @Schema(example = "li.na@example.cn") String email,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_\\-]*", message = "may contain only letters, digits, _ and -") @Schema(example = "lina_purchasing") String wechat) {
}

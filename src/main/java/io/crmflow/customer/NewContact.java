package io.crmflow.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A contact of a customer as entered or corrected (docs/product.md §12); phone as for leads. */
public record NewContact(
        @NotBlank @Size(max = 200) String name,
        ContactRole role,
        @Size(max = 100) String title,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()\\-]*", message = "may contain only digits, spaces, + ( ) -") String phone,
        @Email @Size(max = 254) String email,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_\\-]*", message = "may contain only letters, digits, _ and -") String wechat) {
}

package io.crmflow.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A tag managers offer for customers: {@code name} as stored and filtered on, {@code label} as shown (bilingual). */
record TagOption(@NotBlank @Size(max = 50) @Pattern(regexp = "[\\p{L}\\p{N} _\\-]+", message = "may contain only letters, digits, spaces, _ and -") String name,
                 @NotBlank @Size(max = 100) String label) {
}

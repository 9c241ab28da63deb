package io.crmflow.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A manager's tier for a customer, winning over rules/customer-tier.dmn, and why. */
record TierPin(@NotNull CustomerTier tier, @NotBlank @Size(max = 1000) String reason) {
}

package io.crmflow.contract;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A contract as the owner drafts it: the approved quote it is made from and the terms agreed with the customer. */
public record NewContract(@NotNull @Positive Long quoteId, @Size(max = 4000) String terms) {
}

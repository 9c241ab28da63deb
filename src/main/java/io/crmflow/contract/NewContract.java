package io.crmflow.contract;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A contract as the owner drafts it: the approved quote it is made from, the terms agreed with the customer and the
 * payment plan (installments adding up to the quote's net total; none = one installment on the rules' default term).
 */
public record NewContract(@NotNull @Positive Long quoteId, @Size(max = 4000) String terms,
                          @Size(max = 36) List<@NotNull @Valid PlannedInstallment> installments) {

    public List<PlannedInstallment> plan() {
        return installments == null ? List.of() : installments;
    }
}

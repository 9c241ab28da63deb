package io.crmflow.contract;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An approver's answer; a rejection needs a comment for the owner. */
public record ContractDecision(@NotNull Boolean approve, @Size(max = 2000) String comment) {
}

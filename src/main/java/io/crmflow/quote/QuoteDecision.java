package io.crmflow.quote;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An approver's answer; a rejection needs a comment for the owner. */
public record QuoteDecision(@NotNull Boolean approve, @Size(max = 2000) String comment) {
}

package io.crmflow.opportunity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A request to move an opportunity: to the next stage (with what the current stage needs to be left, if not yet
 * recorded) or to LOST (with a reason).
 */
public record StageMove(@NotNull OpportunityStage stage, @Valid OpportunityDetails details, LossReason lossReason,
                        @Size(max = 2000) String lossNote) {

    OpportunityDetails detailsOrNone() {
        return details == null ? OpportunityDetails.NONE : details;
    }
}

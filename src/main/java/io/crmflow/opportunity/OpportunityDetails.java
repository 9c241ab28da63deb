package io.crmflow.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

/**
 * What the owner records about an opportunity along the way; every field is optional and only given fields change.
 * Recording anything counts as activity, so the opportunity is no longer idle.
 */
public record OpportunityDetails(@DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal amount, LocalDate expectedCloseDate,
                                 @Size(max = 100) String contactPerson, @Size(max = 2000) String firstMeetingNote,
                                 @Size(max = 2000) String requirementSummary,
                                 @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal budget,
                                 @Size(max = 100) String decisionMaker) {

    static final OpportunityDetails NONE = new OpportunityDetails(null, null, null, null, null, null, null);
}

package io.crmflow.opportunity;

import java.time.Instant;

/** Published in the transaction that moves an opportunity to WON, for features that act on a win (a customer's tier). */
public record OpportunityWon(long opportunityId, Instant wonAt) {
}

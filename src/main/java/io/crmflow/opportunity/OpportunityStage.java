package io.crmflow.opportunity;

/** docs/product.md §3.5, in order; probabilities, idle periods and exit needs per stage are in {@code rules/opportunity-stage.dmn}. */
public enum OpportunityStage {
    INITIAL_CONTACT, NEEDS_CONFIRMED, PROPOSAL, NEGOTIATION, WON, LOST;

    boolean isClosed() {
        return this == WON || this == LOST;
    }
}

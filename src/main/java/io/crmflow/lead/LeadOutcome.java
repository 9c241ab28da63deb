package io.crmflow.lead;

/** What the owner decides after talking to the lead (docs/product.md §3.4). */
public enum LeadOutcome {
    QUALIFIED(LeadStatus.CONVERTED), NURTURE(LeadStatus.NURTURING), DISQUALIFIED(LeadStatus.DISQUALIFIED);

    private final LeadStatus status;

    LeadOutcome(LeadStatus status) {
        this.status = status;
    }

    LeadStatus status() {
        return status;
    }
}

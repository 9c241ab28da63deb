package io.crmflow.ticket;

/** What a step of the work decided: the ticket is resolved, goes to the agents (L2) or to the account owner (L3). */
enum TicketOutcome {
    RESOLVED, ESCALATE_L2, TRANSFER_L3
}

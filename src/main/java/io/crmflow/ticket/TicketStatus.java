package io.crmflow.ticket;

/** OPEN: someone at the service desk has to act. WAITING_ON_CUSTOMER pauses the resolution clock. */
public enum TicketStatus {
    OPEN, WAITING_ON_CUSTOMER, RESOLVED, CLOSED
}

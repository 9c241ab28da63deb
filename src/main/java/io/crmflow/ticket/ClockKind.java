package io.crmflow.ticket;

/** The two SLA clocks of a ticket. */
public enum ClockKind {
    FIRST_RESPONSE, RESOLUTION
}

package io.crmflow.ticket;

/** A clock that breached stays BREACHED, even when the ticket is answered or resolved later. */
public enum ClockState {
    RUNNING, PAUSED, MET, BREACHED
}

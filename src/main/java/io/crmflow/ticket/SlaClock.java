package io.crmflow.ticket;

import java.time.Duration;
import java.time.Instant;

/** The stored state of one SLA clock of a ticket. */
record SlaClock(long ticketId, ClockKind kind, Duration target, boolean roundTheClock, int warningPercent, Instant startedAt,
                Duration paused, Instant pausedSince, Instant dueAt, Instant warnAt, boolean warned, ClockState state, Instant endedAt) {
}

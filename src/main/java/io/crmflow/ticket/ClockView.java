package io.crmflow.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * An SLA clock as {@code GET /api/tickets/{id}} shows it. {@code elapsed} is business time (of the clock's calendar)
 * counted against the target so far; {@code paused} is business time spent waiting on the customer.
 */
public record ClockView(ClockKind clock, Duration target, String calendar, Instant startedAt, Instant due, Instant warningAt,
                        Duration elapsed, Duration paused, ClockState state) {
}

package io.crmflow.ticket;

import java.time.Duration;

/** What {@code rules/ticket-sla.dmn} says about one priority. */
public record SlaTargets(Priority priority, Duration firstResponse, Duration resolution, boolean roundTheClock, int warningPercent,
                         int autoCloseBusinessDays, int reopenWindowDays) {

    Duration target(ClockKind clock) {
        return clock == ClockKind.FIRST_RESPONSE ? firstResponse : resolution;
    }
}

package io.crmflow.ticket;

import java.time.Duration;
import java.time.Instant;

import io.crmflow.calendar.BusinessCalendar;

/**
 * Due and warning instants of an SLA clock. A clock counts business time of its calendar from its start; time spent
 * paused (waiting on the customer, measured in business time of the same calendar) is added to the target, so a pause
 * outside business hours moves nothing.
 */
public final class SlaClocks {

    private SlaClocks() {
    }

    public static Instant due(BusinessCalendar calendar, Instant start, Duration target, Duration paused) {
        return calendar.addBusinessTime(start, target.plus(paused));
    }

    public static Instant warnAt(BusinessCalendar calendar, Instant start, Duration target, Duration paused, int warningPercent) {
        return calendar.addBusinessTime(start, target.multipliedBy(warningPercent).dividedBy(100).plus(paused));
    }
}

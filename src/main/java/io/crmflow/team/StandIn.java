package io.crmflow.team;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A period in which {@code deputy} stands in for {@code userId}: whole days {@code from} to {@code to}, both included, in
 * the business calendar's zone. An absence without a deputy sends the person's tasks to their manager.
 */
public record StandIn(long id, StandInKind kind, String userId, String deputy, LocalDate from, LocalDate to, String createdBy,
                      Instant createdAt, String cancelledBy, Instant cancelledAt) {

    public boolean cancelled() {
        return cancelledAt != null;
    }

    public boolean covers(LocalDate day) {
        return !cancelled() && !day.isBefore(from) && !day.isAfter(to);
    }

    boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
        return !cancelled() && !otherTo.isBefore(from) && !otherFrom.isAfter(to);
    }

    /** "2027-03-01 – 2027-03-05", as the messages name a period. */
    String period() {
        return from + " – " + to;
    }
}

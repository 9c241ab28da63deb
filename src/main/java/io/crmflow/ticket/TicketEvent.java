package io.crmflow.ticket;

import java.time.Instant;

public record TicketEvent(long id, String type, String detail, String actor, Instant at) {
}

package io.crmflow.ticket;

import java.time.Instant;

/** One entry of the conversation: from the CUSTOMER, an AGENT (support staff or account owner) or the SYSTEM (automatic answer). */
public record TicketMessage(long id, String authorKind, String author, String body, Instant at) {
}

package io.crmflow.ticket;

import java.time.Instant;

/** A ticket row; what the API shows is {@link TicketView}. */
record Ticket(long id, long customerId, Severity severity, TicketChannel channel, String subject, String description, Priority priority,
              TicketStatus status, SupportLevel level, String assignee, boolean breached, int reopenCount, Long answeredByArticle,
              String resolution, Instant resolvedAt, Instant closedAt, Integer csat, String ruleSetVersion, String processInstanceId,
              String createdBy, Instant createdAt) {
}

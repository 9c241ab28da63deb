package io.crmflow.ticket;

import java.time.Instant;
import java.util.List;

import io.crmflow.customer.CustomerCard;

/** A ticket with its customer, SLA clocks and conversation. */
public record TicketView(long id, CustomerCard customer, Severity severity, TicketChannel channel, String subject, String description,
                         Priority priority, TicketStatus status, SupportLevel level, String assignee, boolean breached, int reopenCount,
                         Long answeredByArticle, String resolution, Instant resolvedAt, Instant closedAt, Integer csat,
                         Instant firstResponseDue, Instant resolutionDue, List<ClockView> clocks, List<TicketMessage> conversation,
                         String ruleSetVersion, String processInstanceId, String createdBy, Instant createdAt) {
}

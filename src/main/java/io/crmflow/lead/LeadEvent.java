package io.crmflow.lead;

import java.time.Instant;

/** One entry of a lead's timeline. */
public record LeadEvent(long id, long leadId, String type, String detail, String actor, Instant occurredAt) {
}

package io.crmflow.opportunity;

import java.time.Instant;

public record OpportunityEvent(long id, String type, String detail, String actor, Instant at) {
}

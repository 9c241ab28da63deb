package io.crmflow.audit;

import java.time.Instant;

public record AuditEntry(long id, Instant at, String actor, String entity, String entityId, String field, String oldValue,
                         String newValue, String reason) {
}

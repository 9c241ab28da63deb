package io.crmflow.opportunity;

import java.time.Instant;

public record Opportunity(long id, Long leadId, String name, String company, String ownerId, String region, String productLine,
                          String stage, String processInstanceId, Instant createdAt, Instant updatedAt) {
}

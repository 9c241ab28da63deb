package io.crmflow.lead;

import java.time.Instant;

import io.crmflow.team.Industry;
import io.crmflow.team.ProductLine;
import io.crmflow.team.Region;

/** A stored lead. */
public record Lead(long id, String externalId, String name, String company, String email, String phone,
                   LeadSource source, Region region, Industry industry, ProductLine productLine,
                   int visits30d, int dwellSeconds, Integer score, String grade, LeadStatus status, String ownerId,
                   Instant followUpDue, String processInstanceId, String createdBy, Instant createdAt, Instant updatedAt) {

    public String businessKey() {
        return String.valueOf(id);
    }
}

package io.crmflow.lead;

import java.time.Instant;

import io.crmflow.team.Industry;
import io.crmflow.team.ProductLine;
import io.crmflow.team.Region;

/**
 * A lead as the API shows it. {@code duplicate} is true when the submission matched an open lead (docs/product.md §3.1);
 * {@code contactMasked} when phone and email are masked because the lead is not the viewer's (docs/product.md §8).
 */
public record LeadView(long id, String externalId, String name, String company, String email, String phone,
                       LeadSource source, Region region, Industry industry, ProductLine productLine, int visits30d,
                       int dwellSeconds, Integer score, String grade, LeadStatus status, String owner, Instant followUpDue,
                       String processInstanceId, Instant createdAt, boolean duplicate, boolean contactMasked) {

    static LeadView of(Lead lead, LeadAccess.Viewer viewer, boolean duplicate) {
        boolean full = viewer.seesContactDetails(lead);
        return new LeadView(lead.id(), lead.externalId(), lead.name(), lead.company(),
                full ? lead.email() : LeadAccess.maskEmail(lead.email()), full ? lead.phone() : LeadAccess.maskPhone(lead.phone()),
                lead.source(), lead.region(), lead.industry(), lead.productLine(), lead.visits30d(), lead.dwellSeconds(),
                lead.score(), lead.grade(), lead.status(), lead.ownerId(), lead.followUpDue(), lead.processInstanceId(),
                lead.createdAt(), duplicate, !full);
    }
}

package io.crmflow.opportunity;

/** What the lead feature hands over when its owner qualifies a lead: enough to open the opportunity. */
public record QualifiedLead(long leadId, String name, String company, String ownerId, String region, String productLine,
                            String note) {
}

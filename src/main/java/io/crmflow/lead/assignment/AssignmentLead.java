package io.crmflow.lead.assignment;

import java.util.Set;

/** The lead as the assignment rules see it. {@code excludedOwners} are reps who already had it and let it lapse. */
public class AssignmentLead {

    private final String region;
    private final String productLine;
    private final String industry;
    private final Set<String> excludedOwners;

    public AssignmentLead(String region, String productLine, String industry, Set<String> excludedOwners) {
        this.region = region;
        this.productLine = productLine;
        this.industry = industry;
        this.excludedOwners = Set.copyOf(excludedOwners);
    }

    public String getRegion() {
        return region;
    }

    public String getProductLine() {
        return productLine;
    }

    public String getIndustry() {
        return industry;
    }

    public Set<String> getExcludedOwners() {
        return excludedOwners;
    }
}

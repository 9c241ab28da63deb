package io.crmflow.lead.assignment;

import java.util.Set;

/** A sales rep's profile and current load, as the assignment rules see it. */
public class RepCandidate {

    private final String userId;
    private final Set<String> regions;
    private final Set<String> productLines;
    private final Set<String> industries;
    private final int capacity;
    private final int openLeads;

    public RepCandidate(String userId, Set<String> regions, Set<String> productLines, Set<String> industries,
                        int capacity, int openLeads) {
        this.userId = userId;
        this.regions = Set.copyOf(regions);
        this.productLines = Set.copyOf(productLines);
        this.industries = Set.copyOf(industries);
        this.capacity = capacity;
        this.openLeads = openLeads;
    }

    public String getUserId() {
        return userId;
    }

    public Set<String> getRegions() {
        return regions;
    }

    public Set<String> getProductLines() {
        return productLines;
    }

    public Set<String> getIndustries() {
        return industries;
    }

    public int getCapacity() {
        return capacity;
    }

    public int getOpenLeads() {
        return openLeads;
    }
}

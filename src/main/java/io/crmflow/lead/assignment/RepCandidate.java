package io.crmflow.lead.assignment;

import java.util.Objects;
import java.util.Set;

import io.crmflow.rules.StandingFact;

/**
 * A sales rep's profile, current load and availability, as the assignment rules see it. {@code available} is false while
 * the rep is out of office (docs/product.md §14): the rules, not the Java around them, decide what that means.
 * <p>
 * Reps stay in the rule set's pooled sessions between decisions ({@link StandingFact}); equality on every field is how a
 * session tells that a rep's profile, load or availability changed and must be updated before the next decision.
 */
public class RepCandidate implements StandingFact {

    private final String userId;
    private final Set<String> regions;
    private final Set<String> productLines;
    private final Set<String> industries;
    private final int capacity;
    private final int openLeads;
    private final boolean available;

    public RepCandidate(String userId, Set<String> regions, Set<String> productLines, Set<String> industries,
                        int capacity, int openLeads, boolean available) {
        this.userId = userId;
        this.regions = Set.copyOf(regions);
        this.productLines = Set.copyOf(productLines);
        this.industries = Set.copyOf(industries);
        this.capacity = capacity;
        this.openLeads = openLeads;
        this.available = available;
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

    public boolean isAvailable() {
        return available;
    }

    @Override
    public String factKey() {
        return userId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RepCandidate rep && capacity == rep.capacity && openLeads == rep.openLeads
                && available == rep.available && userId.equals(rep.userId) && regions.equals(rep.regions)
                && productLines.equals(rep.productLines) && industries.equals(rep.industries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, regions, productLines, industries, capacity, openLeads, available);
    }
}

package io.crmflow.team;

import java.util.Set;

/** A sales rep's skills and capacity, the inputs of lead assignment; inactive reps get no new leads. */
public record SalesRep(String userId, Set<Region> regions, Set<ProductLine> productLines, Set<Industry> industries,
                       int capacity, boolean active) {
}

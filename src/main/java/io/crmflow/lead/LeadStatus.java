package io.crmflow.lead;

import java.util.EnumSet;
import java.util.Set;

public enum LeadStatus {
    NEW, ASSIGNED, IN_POOL, CONTACTED, NURTURING, CONVERTED, DISQUALIFIED;

    /** Statuses in which a new submission of the same person or company is a duplicate (docs/product.md §3.1). */
    public static final Set<LeadStatus> OPEN = EnumSet.of(NEW, ASSIGNED, IN_POOL, CONTACTED, NURTURING);

    /** Statuses that occupy a rep's capacity. */
    public static final Set<LeadStatus> IN_HAND = EnumSet.of(ASSIGNED, CONTACTED);
}

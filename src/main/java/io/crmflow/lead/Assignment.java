package io.crmflow.lead;

import java.time.Instant;

/** Outcome of assigning a lead: an owner with a follow-up deadline, or (no owner) the region's pool. */
record Assignment(String ownerId, Instant followUpDue) {

    boolean toPool() {
        return ownerId == null;
    }
}

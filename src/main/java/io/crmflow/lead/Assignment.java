package io.crmflow.lead;

import java.time.Instant;

/** Outcome of assigning a lead: an owner with a follow-up deadline, or the region's pool with its manager. */
record Assignment(String ownerId, Instant followUpDue, String poolManager) {

    boolean toPool() {
        return ownerId == null;
    }
}

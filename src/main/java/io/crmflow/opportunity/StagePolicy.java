package io.crmflow.opportunity;

import java.util.Set;

/** What {@code rules/opportunity-stage.dmn} says about one stage. */
record StagePolicy(OpportunityStage stage, String label, int winProbability, Integer idleReminderDays, Set<String> exitNeeds,
                   OpportunityStage nextStage) {

    /** A Camunda timer cycle: every idle period, for as long as the opportunity stays in the stage. */
    String idleCycle() {
        return idleReminderDays == null ? null : "R/P" + idleReminderDays + "D";
    }
}

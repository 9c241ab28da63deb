package io.crmflow.lead;

import io.crmflow.rules.DecisionOutcome;

/**
 * Score, grade and route of a lead as decided by {@code rules/lead-score.dmn}.
 *
 * @param followUpBusinessHours time the owner has to make first contact; null for leads that go to nurturing
 * @param route                 ASSIGN (to a rep) or NURTURE
 */
record LeadScore(int score, String grade, Integer followUpBusinessHours, String route, DecisionOutcome outcome) {

    static final String ROUTE_NURTURE = "NURTURE";

    boolean goesToNurturing() {
        return ROUTE_NURTURE.equals(route);
    }
}

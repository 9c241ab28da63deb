package io.crmflow.lead;

import java.util.LinkedHashMap;
import java.util.Map;

import io.crmflow.rules.DecisionOutcome;

/**
 * Score, grade and route of a lead as decided by {@code rules/lead-score.dmn}.
 *
 * @param followUpBusinessHours time the owner has to make first contact; null for leads that go to nurturing
 * @param route                 ASSIGN (to a rep) or NURTURE
 * @param qualifyBusinessHours  time the owner has, after first contact, to qualify the lead before the manager is told
 */
record LeadScore(int score, String grade, Integer followUpBusinessHours, String route, Integer qualifyBusinessHours,
                 DecisionOutcome outcome) {

    static final String ROUTE_NURTURE = "NURTURE";

    boolean goesToNurturing() {
        return ROUTE_NURTURE.equals(route);
    }

    /** The decision as recorded in a lead's decision log. */
    Map<String, Object> outputs() {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("score", score);
        outputs.put("grade", grade);
        outputs.put("route", route);
        outputs.put("followUpBusinessHours", followUpBusinessHours);
        outputs.put("qualifyBusinessHours", qualifyBusinessHours);
        return outputs;
    }

    /** What the qualification process needs to route the lead and set its deadlines. */
    Map<String, Object> processVariables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("score", score);
        variables.put("grade", grade);
        variables.put("route", route);
        variables.put("followUpBusinessHours", followUpBusinessHours);
        variables.put("qualifyBusinessHours", qualifyBusinessHours);
        return variables;
    }
}

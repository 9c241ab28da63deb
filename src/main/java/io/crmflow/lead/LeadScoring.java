package io.crmflow.lead;

import java.util.LinkedHashMap;
import java.util.Map;

import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.DecisionFailedException;
import io.crmflow.rules.DecisionOutcome;
import org.springframework.stereotype.Component;

/** Scores and grades a lead with the DMN model {@code lead-score} of the active rule set. */
@Component
class LeadScoring {

    static final String MODEL = "lead-score";

    private final ActiveRuleSet rules;

    LeadScoring(ActiveRuleSet rules) {
        this.rules = rules;
    }

    LeadScore score(NewLead lead) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("source", lead.source().name());
        inputs.put("visits30d", lead.visits());
        inputs.put("dwellSeconds", lead.dwell());
        DecisionOutcome outcome = rules.current().evaluate(MODEL, inputs);
        if (!(outcome.result("leadScore") instanceof Number score) || !(outcome.result("leadGrade") instanceof Map<?, ?> grade)) {
            throw new DecisionFailedException("DMN model '" + MODEL + "' must decide leadScore (number) and leadGrade (grade, "
                    + "followUpBusinessHours, route); it returned " + outcome.results());
        }
        Object hours = grade.get("followUpBusinessHours");
        return new LeadScore(score.intValue(), (String) grade.get("grade"),
                hours instanceof Number number ? number.intValue() : null, (String) grade.get("route"), outcome);
    }
}

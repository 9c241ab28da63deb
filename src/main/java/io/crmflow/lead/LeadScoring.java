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
        return score(lead.source(), lead.visits(), lead.dwell());
    }

    LeadScore score(Lead lead) {
        return score(lead.source(), lead.visits30d(), lead.dwellSeconds());
    }

    /**
     * The table is a pure function of these three inputs, so each version of the rule set evaluates it once per class of
     * inputs it can tell apart ({@link io.crmflow.rules.RuleSet#evaluateRemembered}: source × visits interval × dwell
     * interval), and the cache goes with the version that made the decision, fallback included. The outcome carries
     * this lead's own inputs, so the score is built and checked from it every time (cheap next to an evaluation).
     */
    private LeadScore score(LeadSource source, int visits30d, int dwellSeconds) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("source", source.name());
        inputs.put("visits30d", visits30d);
        inputs.put("dwellSeconds", dwellSeconds);
        return rules.decide(MODEL, ruleSet -> scoreOf(ruleSet.evaluateRemembered(MODEL, inputs)));
    }

    private static LeadScore scoreOf(DecisionOutcome outcome) {
        if (!(outcome.result("leadScore") instanceof Number score) || !(outcome.result("leadGrade") instanceof Map<?, ?> grade)
                || !(grade.get("grade") instanceof String) || !(grade.get("route") instanceof String)) {
            throw new DecisionFailedException("DMN model '" + MODEL + "' must decide leadScore (number) and leadGrade (grade, "
                    + "followUpBusinessHours, route); it returned " + outcome.results());
        }
        return new LeadScore(score.intValue(), (String) grade.get("grade"), hours(grade.get("followUpBusinessHours")),
                (String) grade.get("route"), hours(grade.get("qualifyBusinessHours")), outcome);
    }

    private static Integer hours(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }
}

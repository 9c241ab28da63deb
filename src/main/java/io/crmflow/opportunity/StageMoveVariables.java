package io.crmflow.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A stage move as process variables: what the Tasklist form submits, and what {@code POST .../stage} passes when it
 * completes the same task. Variable names are the form's field keys.
 */
final class StageMoveVariables {

    private StageMoveVariables() {
    }

    static Map<String, Object> of(StageMove move, String actor) {
        OpportunityDetails details = move.detailsOrNone();
        Map<String, Object> variables = new HashMap<>();
        variables.put("targetStage", move.stage().name());
        variables.put("lossReason", move.lossReason() == null ? null : move.lossReason().name());
        variables.put("lossNote", move.lossNote());
        variables.put("contactPerson", details.contactPerson());
        variables.put("firstMeetingNote", details.firstMeetingNote());
        variables.put("requirementSummary", details.requirementSummary());
        variables.put("budget", details.budget() == null ? null : details.budget().doubleValue());
        variables.put("decisionMaker", details.decisionMaker());
        variables.put("amount", details.amount() == null ? null : details.amount().doubleValue());
        variables.put("expectedCloseDate", details.expectedCloseDate() == null ? null : details.expectedCloseDate().toString());
        variables.put("movedBy", actor);
        return variables;
    }

    static StageMove from(VariableScope scope) {
        OpportunityDetails details = new OpportunityDetails(decimal(scope.getVariable("amount")),
                date(scope.getVariable("expectedCloseDate")), text(scope, "contactPerson"), text(scope, "firstMeetingNote"),
                text(scope, "requirementSummary"), decimal(scope.getVariable("budget")), text(scope, "decisionMaker"));
        String lossReason = text(scope, "lossReason");
        return new StageMove(OpportunityStage.valueOf(text(scope, "targetStage")), details,
                lossReason == null ? null : LossReason.valueOf(lossReason), text(scope, "lossNote"));
    }

    static String actor(VariableScope scope) {
        String movedBy = text(scope, "movedBy");
        return movedBy == null ? text(scope, "owner") : movedBy;
    }

    private static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Number number ? new BigDecimal(number.toString()) : null;
    }

    private static LocalDate date(Object value) {
        return value == null || value.toString().isBlank() ? null : LocalDate.parse(value.toString().substring(0, 10));
    }
}

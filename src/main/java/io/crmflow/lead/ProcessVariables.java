package io.crmflow.lead;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed access to the variables of the lead-qualification process, shared by its delegates. */
final class ProcessVariables {

    private ProcessVariables() {
    }

    static long leadId(VariableScope scope) {
        return ((Number) scope.getVariable("leadId")).longValue();
    }

    static int hours(VariableScope scope, String name) {
        return ((Number) scope.getVariable(name)).intValue();
    }

    /** A count the process starts without (it is set when it first counts something): 0 until then. */
    static int count(VariableScope scope, String name) {
        Object count = scope.getVariable(name);
        return count == null ? 0 : ((Number) count).intValue();
    }

    static String text(VariableScope scope, String name) {
        return (String) scope.getVariable(name);
    }

    /** Who did the step just completed: the API caller ({@link LeadStepRequests#COMPLETED_BY}), else the lead's owner. */
    static String actor(VariableScope scope) {
        String completedBy = text(scope, LeadStepRequests.COMPLETED_BY);
        return completedBy == null ? text(scope, "owner") : completedBy;
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    /**
     * Reps who let the lead lapse, kept as a comma-separated string (Java serialization of variables is off); the
     * process starts without it, as nobody has yet.
     */
    static Set<String> previousOwners(VariableScope scope) {
        return previousOwners((String) scope.getVariable("previousOwners"));
    }

    static Set<String> previousOwners(String owners) {
        Set<String> result = new LinkedHashSet<>();
        if (owners != null) {
            Arrays.stream(owners.split(",")).filter(owner -> !owner.isBlank()).forEach(result::add);
        }
        return result;
    }
}

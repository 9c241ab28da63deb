package io.crmflow.lead;

import java.util.HashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Bodies of the lead step endpoints. Field names and limits are those of the task forms ({@code forms/contact-lead.form},
 * {@code forms/qualify-lead.form}), and each becomes the variables the form submits, so that the process goes on the
 * same way whether the step was done in Tasklist or through the API.
 */
final class LeadStepRequests {

    /** Transient: names who did the step for the recording delegate, without being stored with the process. */
    static final String COMPLETED_BY = "completedBy";

    private LeadStepRequests() {
    }

    /** {@code POST /api/leads/{id}/contact}. */
    record Contact(@NotNull ContactChannel contactChannel, @NotBlank @Size(min = 5, max = 2000) String contactNote) {

        Map<String, Object> variables(String actor) {
            Map<String, Object> variables = step(actor);
            variables.put("contactChannel", contactChannel.name());
            variables.put("contactNote", contactNote);
            return variables;
        }
    }

    /** {@code POST /api/leads/{id}/qualify} and {@code …/nurture}: the outcome is the endpoint, the note optional. */
    record Decision(@Size(max = 2000) String qualificationNote) {

        static final Decision NONE = new Decision(null);

        Map<String, Object> variables(LeadOutcome outcome, String actor) {
            Map<String, Object> variables = step(actor);
            variables.put("outcome", outcome.name());
            if (qualificationNote != null) {
                variables.put("qualificationNote", qualificationNote);
            }
            return variables;
        }
    }

    /** {@code POST /api/leads/{id}/disqualify}: the form asks a reason for this outcome only. */
    record Disqualification(@NotNull DisqualifyReason disqualifyReason, @Size(max = 2000) String qualificationNote) {

        Map<String, Object> variables(String actor) {
            Map<String, Object> variables = new Decision(qualificationNote).variables(LeadOutcome.DISQUALIFIED, actor);
            variables.put("disqualifyReason", disqualifyReason.name());
            return variables;
        }
    }

    private static Map<String, Object> step(String actor) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(COMPLETED_BY, Variables.stringValue(actor, true));
        return variables;
    }
}

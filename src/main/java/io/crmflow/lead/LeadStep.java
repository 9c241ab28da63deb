package io.crmflow.lead;

import java.util.Arrays;
import java.util.Optional;

/**
 * The user tasks of {@code processes/lead-qualification.bpmn} a lead waits at, each done in Tasklist or through the
 * API: a pool lead is dispatched, an owned lead contacted, a contacted lead qualified (its outcome: qualified, nurture
 * or disqualified).
 */
enum LeadStep {
    DISPATCH("Task_DispatchLead"), CONTACT("Task_ContactLead"), QUALIFY("Task_QualifyLead");

    private final String taskKey;

    LeadStep(String taskKey) {
        this.taskKey = taskKey;
    }

    String taskKey() {
        return taskKey;
    }

    static Optional<LeadStep> ofTask(String taskDefinitionKey) {
        return Arrays.stream(values()).filter(step -> step.taskKey.equals(taskDefinitionKey)).findFirst();
    }
}

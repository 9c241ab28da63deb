package io.crmflow.activity;

import io.crmflow.web.InvalidRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The listeners and service tasks of {@code processes/pharmacy-visit.bpmn}, each named after what it does there. */
final class PharmacyVisitSteps {

    /** The form's optional choice of the activity that is the step's evidence. */
    static final String EVIDENCE_ACTIVITY = "evidenceActivityId";

    private PharmacyVisitSteps() {
    }

    private static long id(Object value) {
        return ((Number) value).longValue();
    }

    /**
     * A step's task is created: recorded as open from now, named after its customer, with the evidence it needs for the
     * form. The form's choice of evidence is a variable of the step's own scope, so one step's choice is not the next one's.
     */
    @Component("openPharmacyStepListener")
    static class OpenStep implements TaskListener {

        private final PharmacyVisits visits;

        OpenStep(PharmacyVisits visits) {
            this.visits = visits;
        }

        @Override
        public void notify(DelegateTask task) {
            String stepName = task.getName();
            PharmacyVisitEvidence evidence = visits.openStep(id(task.getVariable("visitId")), task.getTaskDefinitionKey(), stepName,
                    (String) task.getVariable("owner"));
            task.setName(stepName + ": " + task.getVariable("customerName"));
            task.setVariableLocal("evidenceNeeded", evidence.evidence());
            task.getExecution().setVariableLocal(EVIDENCE_ACTIVITY, null);
        }
    }

    /**
     * A step's task is being completed: refused without its evidence. An execution listener at the step's end rather than a
     * task listener, because the engine wraps a task listener's exception and Camunda's REST API would answer 500; this
     * one reaches it as it is, a 422 naming what is missing, and the completion is rolled back.
     */
    @Component("checkPharmacyEvidenceListener")
    static class CheckEvidence implements ExecutionListener {

        private final PharmacyVisits visits;

        CheckEvidence(PharmacyVisits visits) {
            this.visits = visits;
        }

        @Override
        public void notify(DelegateExecution step) {
            Object chosen = step.getVariableLocal(EVIDENCE_ACTIVITY);
            if (chosen != null && !(chosen instanceof Number)) {
                throw new InvalidRequestException(EVIDENCE_ACTIVITY, "证据活动编号 Evidence activity number: '" + chosen + "' is not a number");
            }
            visits.completeStep(id(step.getVariable("visitId")), id(step.getVariable("customerId")), step.getCurrentActivityId(),
                    chosen == null ? null : id(chosen));
        }
    }

    /** "Warn the owner, tell the manager": the step open more than 72 hours goes on the manager's board. */
    @Component("warnSlowPharmacyStepDelegate")
    static class WarnSlowStep implements JavaDelegate {

        private final PharmacyVisits visits;

        WarnSlowStep(PharmacyVisits visits) {
            this.visits = visits;
        }

        @Override
        public void execute(DelegateExecution execution) {
            visits.warnSlowStep(id(execution.getVariable("visitId")));
        }
    }

    /** "Close the visit": every step is done. */
    @Component("closePharmacyVisitDelegate")
    static class CloseVisit implements JavaDelegate {

        private final PharmacyVisits visits;

        CloseVisit(PharmacyVisits visits) {
            this.visits = visits;
        }

        @Override
        public void execute(DelegateExecution execution) {
            visits.close(id(execution.getVariable("visitId")));
        }
    }
}

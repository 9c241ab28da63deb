package io.crmflow.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record qualification": QUALIFIED converts the lead into an opportunity, NURTURE parks it, DISQUALIFIED closes it. */
@Component
class RecordLeadOutcomeDelegate implements JavaDelegate {

    private final LeadService leads;

    RecordLeadOutcomeDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadOutcome outcome = LeadOutcome.valueOf((String) execution.getVariable("outcome"));
        String note = (String) execution.getVariable("qualificationNote");
        String detail = outcome == LeadOutcome.DISQUALIFIED
                ? "reason " + execution.getVariable("disqualifyReason") + (note == null ? "" : ": " + note)
                : note;
        Long opportunityId = leads.recordOutcome(ProcessVariables.leadId(execution), outcome, detail, ProcessVariables.actor(execution));
        if (opportunityId != null) {
            execution.setVariable("opportunityId", opportunityId);
        }
    }
}

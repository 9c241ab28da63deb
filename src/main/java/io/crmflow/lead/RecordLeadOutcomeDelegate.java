package io.crmflow.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Service task "Record qualification": QUALIFIED converts the lead into an opportunity, NURTURE parks it, DISQUALIFIED closes it. */
@Component
class RecordLeadOutcomeDelegate implements JavaDelegate {

    private final LeadService leads;
    private final ApplicationEventPublisher events;

    RecordLeadOutcomeDelegate(LeadService leads, ApplicationEventPublisher events) {
        this.leads = leads;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadOutcome outcome = LeadOutcome.valueOf((String) execution.getVariable("outcome"));
        String note = (String) execution.getVariable("qualificationNote");
        String detail = outcome == LeadOutcome.DISQUALIFIED
                ? "reason " + execution.getVariable("disqualifyReason") + (note == null ? "" : ": " + note)
                : note;
        long leadId = ProcessVariables.leadId(execution);
        Long opportunityId = leads.recordOutcome(leadId, outcome, detail, ProcessVariables.actor(execution));
        if (opportunityId != null) {
            execution.setVariable("opportunityId", opportunityId);
            events.publishEvent(new LeadQualified(leads.get(leadId), opportunityId, ProcessVariables.text(execution, "owner")));
        }
    }
}

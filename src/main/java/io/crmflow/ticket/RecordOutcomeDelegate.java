package io.crmflow.ticket;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Record outcome": the one place where L1 feedback, the L2 task and the L3 task change the ticket,
 * whether they came from Tasklist or the API. The gateway after it follows {@code nextStep}.
 */
@Component
class RecordOutcomeDelegate implements JavaDelegate {

    private final TicketService tickets;

    RecordOutcomeDelegate(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketOutcome outcome = TicketOutcome.valueOf(TicketVariables.text(execution, "outcome"));
        String text = TicketVariables.text(execution, outcome == TicketOutcome.TRANSFER_L3 ? "transferNote" : "resolution");
        execution.setVariables(tickets.applyOutcome(TicketVariables.ticketId(execution), outcome, text, TicketVariables.actor(execution)));
        execution.setVariable("nextStep", outcome.name());
        // The next task starts with an empty form: what was entered for this step must not be submitted again.
        execution.removeVariables(List.of("outcome", "resolution", "transferNote", "outcomeBy", "confirmedBy", "csat"));
    }
}

package io.crmflow.ticket;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Close ticket": after the customer's confirmation, or by the auto-close timer (no {@code confirmedBy}). */
@Component
class CloseTicketDelegate implements JavaDelegate {

    private final TicketService tickets;

    CloseTicketDelegate(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object csat = execution.getVariable("csat");
        tickets.close(TicketVariables.ticketId(execution), TicketVariables.text(execution, "confirmedBy"),
                csat instanceof Number score ? score.intValue() : null);
        execution.removeVariables(List.of("confirmedBy", "csat"));
    }
}

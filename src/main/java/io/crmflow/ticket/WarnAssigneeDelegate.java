package io.crmflow.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service tasks "Warn assignee" of both SLA clocks: the warning timer (75 % of the target) fired. */
@Component
class WarnAssigneeDelegate implements JavaDelegate {

    private final TicketService tickets;

    WarnAssigneeDelegate(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        tickets.warn(TicketVariables.ticketId(execution), TicketVariables.clock(execution));
    }
}

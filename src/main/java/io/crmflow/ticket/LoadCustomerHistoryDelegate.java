package io.crmflow.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Load customer history": previous tickets, opportunities and the conversation for the L2 task's form. */
@Component
class LoadCustomerHistoryDelegate implements JavaDelegate {

    private final TicketService tickets;

    LoadCustomerHistoryDelegate(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(tickets.customerHistory(TicketVariables.ticketId(execution)));
    }
}

package io.crmflow.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service tasks "Record breach" of both SLA clocks: the due time passed; the escalation after it makes the lead's task. */
@Component
class RecordBreachDelegate implements JavaDelegate {

    private final TicketService tickets;

    RecordBreachDelegate(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        tickets.breach(TicketVariables.ticketId(execution), TicketVariables.clock(execution));
    }
}

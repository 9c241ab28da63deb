package io.crmflow.ticket;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Reopen ticket": back to L2 with a new resolution clock, before the work starts again. */
@Component
class ReopenTicketDelegate implements JavaDelegate {

    private final TicketService tickets;

    ReopenTicketDelegate(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(tickets.applyReopen(TicketVariables.ticketId(execution), TicketVariables.text(execution, "reopenReason"),
                TicketVariables.text(execution, "reopenedBy")));
        execution.removeVariables(List.of("reopenReason", "reopenedBy"));
    }
}

package io.crmflow.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record breach review": the support lead's note on the timeline. */
@Component
class RecordBreachReviewDelegate implements JavaDelegate {

    private final TicketService tickets;

    RecordBreachReviewDelegate(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        tickets.recordBreachReview(TicketVariables.ticketId(execution), TicketVariables.text(execution, "breachNote"),
                TicketVariables.actor(execution));
        execution.removeVariable("breachNote");
    }
}

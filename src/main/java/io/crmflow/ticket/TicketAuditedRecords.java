package io.crmflow.ticket;

import io.crmflow.audit.AuditedRecords;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** A ticket's audit history is readable to whoever may see the ticket. */
@Component
class TicketAuditedRecords implements AuditedRecords {

    private final TicketService tickets;

    TicketAuditedRecords(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public String entity() {
        return "ticket";
    }

    @Override
    public void requireVisible(long id, Authentication caller) {
        tickets.visible(id, TicketActor.of(caller));
    }
}

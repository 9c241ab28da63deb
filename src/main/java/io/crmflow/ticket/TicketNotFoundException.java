package io.crmflow.ticket;

import io.crmflow.web.NotFoundException;

class TicketNotFoundException extends NotFoundException {

    TicketNotFoundException(long id) {
        super("Ticket " + id + " does not exist");
    }
}
